var romanianStemmer = function (_SnowballStemmer18) {
_inherits(romanianStemmer, _SnowballStemmer18);
function romanianStemmer() {
_classCallCheck(this, romanianStemmer);
return _possibleConstructorReturn(this, Object.getPrototypeOf(romanianStemmer).apply(this, arguments));
}
_createClass(romanianStemmer, [{
key: 'r_prelude$esjava$0',
value: function r_prelude$esjava$0() {
var v_1 = undefined;
var v_2 = undefined;
var v_3 = undefined;
replab0: while (true) {
v_1 = this.cursor;
lab1: do {
golab2: while (true) {
v_2 = this.cursor;
lab3: do {
if (!this.in_grouping$esjava$3(romanianStemmer.g_v, 97, 259)) {
break lab3;
}
this.bra = this.cursor;
lab4: do {
v_3 = this.cursor;
lab5: do {
if (!this.eq_s$esjava$1("u")) {
break lab5;
}
this.ket = this.cursor;
if (!this.in_grouping$esjava$3(romanianStemmer.g_v, 97, 259)) {
break lab5;
}
this.slice_from$esjava$1("U");
break lab4;
} while (false);
this.cursor = v_3;
if (!this.eq_s$esjava$1("i")) {
break lab3;
}
this.ket = this.cursor;
if (!this.in_grouping$esjava$3(romanianStemmer.g_v, 97, 259)) {
break lab3;
}
this.slice_from$esjava$1("I");
} while (false);
this.cursor = v_2;
break golab2;
} while (false);
this.cursor = v_2;
if (this.cursor >= this.limit) {
break lab1;
}
this.cursor++;
}
continue replab0;
} while (false);
this.cursor = v_1;
break replab0;
}
return true;
}
}, {
key: 'r_mark_regions$esjava$0',
value: function r_mark_regions$esjava$0() {
var v_1 = undefined;
var v_2 = undefined;
var v_3 = undefined;
var v_6 = undefined;
var v_8 = undefined;
this.I_pV = this.limit;
this.I_p1 = this.limit;
this.I_p2 = this.limit;
v_1 = this.cursor;
lab0: do {
lab1: do {
v_2 = this.cursor;
lab2: do {
if (!this.in_grouping$esjava$3(romanianStemmer.g_v, 97, 259)) {
break lab2;
}
lab3: do {
v_3 = this.cursor;
lab4: do {
if (!this.out_grouping$esjava$3(romanianStemmer.g_v, 97, 259)) {
break lab4;
}
golab5: while (true) {
lab6: do {
if (!this.in_grouping$esjava$3(romanianStemmer.g_v, 97, 259)) {
break lab6;
}
break golab5;
} while (false);
if (this.cursor >= this.limit) {
break lab4;
}
this.cursor++;
}
break lab3;
} while (false);
this.cursor = v_3;
if (!this.in_grouping$esjava$3(romanianStemmer.g_v, 97, 259)) {
break lab2;
}
golab7: while (true) {
lab8: do {
if (!this.out_grouping$esjava$3(romanianStemmer.g_v, 97, 259)) {
break lab8;
}
break golab7;
} while (false);
if (this.cursor >= this.limit) {
break lab2;
}
this.cursor++;
}
} while (false);
break lab1;
} while (false);
this.cursor = v_2;
if (!this.out_grouping$esjava$3(romanianStemmer.g_v, 97, 259)) {
break lab0;
}
lab9: do {
v_6 = this.cursor;
lab10: do {
if (!this.out_grouping$esjava$3(romanianStemmer.g_v, 97, 259)) {
break lab10;
}
golab11: while (true) {
lab12: do {
if (!this.in_grouping$esjava$3(romanianStemmer.g_v, 97, 259)) {
break lab12;
}
break golab11;
} while (false);
if (this.cursor >= this.limit) {
break lab10;
}
this.cursor++;
}
break lab9;
} while (false);
this.cursor = v_6;
if (!this.in_grouping$esjava$3(romanianStemmer.g_v, 97, 259)) {
break lab0;
}
if (this.cursor >= this.limit) {
break lab0;
}
this.cursor++;
} while (false);
} while (false);
this.I_pV = this.cursor;
} while (false);
this.cursor = v_1;
v_8 = this.cursor;
lab13: do {
golab14: while (true) {
lab15: do {
if (!this.in_grouping$esjava$3(romanianStemmer.g_v, 97, 259)) {
break lab15;
}
break golab14;
} while (false);
if (this.cursor >= this.limit) {
break lab13;
}
this.cursor++;
}
golab16: while (true) {
lab17: do {
if (!this.out_grouping$esjava$3(romanianStemmer.g_v, 97, 259)) {
break lab17;
}
break golab16;
} while (false);
if (this.cursor >= this.limit) {
break lab13;
}
this.cursor++;
}
this.I_p1 = this.cursor;
golab18: while (true) {
lab19: do {
if (!this.in_grouping$esjava$3(romanianStemmer.g_v, 97, 259)) {
break lab19;
}
break golab18;
} while (false);
if (this.cursor >= this.limit) {
break lab13;
}
this.cursor++;
}
golab20: while (true) {
lab21: do {
if (!this.out_grouping$esjava$3(romanianStemmer.g_v, 97, 259)) {
break lab21;
}
break golab20;
} while (false);
if (this.cursor >= this.limit) {
break lab13;
}
this.cursor++;
}
this.I_p2 = this.cursor;
} while (false);
this.cursor = v_8;
return true;
}
}, {
key: 'r_postlude$esjava$0',
value: function r_postlude$esjava$0() {
var among_var = undefined;
var v_1 = undefined;
replab0: while (true) {
v_1 = this.cursor;
lab1: do {
this.bra = this.cursor;
among_var = this.find_among$esjava$1(romanianStemmer.a_0);
if (among_var === 0) {
break lab1;
}
this.ket = this.cursor;
switch (among_var) {
case 0:
break lab1;
case 1:
this.slice_from$esjava$1("i");
break;
case 2:
this.slice_from$esjava$1("u");
break;
case 3:
if (this.cursor >= this.limit) {
break lab1;
}
this.cursor++;
break;
}
continue replab0;
} while (false);
this.cursor = v_1;
break replab0;
}
return true;
}
}, {
key: 'r_RV$esjava$0',
value: function r_RV$esjava$0() {
if (!(this.I_pV <= this.cursor)) {
return false;
}
return true;
}
}, {
key: 'r_R1$esjava$0',
value: function r_R1$esjava$0() {
if (!(this.I_p1 <= this.cursor)) {
return false;
}
return true;
}
}, {
key: 'r_R2$esjava$0',
value: function r_R2$esjava$0() {
if (!(this.I_p2 <= this.cursor)) {
return false;
}
return true;
}
}, {
key: 'r_step_0$esjava$0',
value: function r_step_0$esjava$0() {
var among_var = undefined;
var v_1 = undefined;
this.ket = this.cursor;
among_var = this.find_among_b$esjava$1(romanianStemmer.a_1);
if (among_var === 0) {
return false;
}
this.bra = this.cursor;
if (!this.r_R1$esjava$0()) {
return false;
}
switch (among_var) {
case 0:
return false;
case 1:
this.slice_del$esjava$0();
break;
case 2:
this.slice_from$esjava$1("a");
break;
case 3:
this.slice_from$esjava$1("e");
break;
case 4:
this.slice_from$esjava$1("i");
break;
case 5:
{
v_1 = this.limit - this.cursor;
lab0: do {
if (!this.eq_s_b$esjava$1("ab")) {
break lab0;
}
return false;
} while (false);
this.cursor = this.limit - v_1;
}
this.slice_from$esjava$1("i");
break;
case 6:
this.slice_from$esjava$1("at");
break;
case 7:
this.slice_from$esjava$1('a\u0163i');
break;
}
return true;
}
}, {
key: 'r_combo_suffix$esjava$0',
value: function r_combo_suffix$esjava$0() {
var among_var = undefined;
var v_1 = undefined;
v_1 = this.limit - this.cursor;
this.ket = this.cursor;
among_var = this.find_among_b$esjava$1(romanianStemmer.a_2);
if (among_var === 0) {
return false;
}
this.bra = this.cursor;
if (!this.r_R1$esjava$0()) {
return false;
}
switch (among_var) {
case 0:
return false;
case 1:
this.slice_from$esjava$1("abil");
break;
case 2:
this.slice_from$esjava$1("ibil");
break;
case 3:
this.slice_from$esjava$1("iv");
break;
case 4:
this.slice_from$esjava$1("ic");
break;
case 5:
this.slice_from$esjava$1("at");
break;
case 6:
this.slice_from$esjava$1("it");
break;
}
this.B_standard_suffix_removed = true;
this.cursor = this.limit - v_1;
return true;
}
}, {
key: 'r_standard_suffix$esjava$0',
value: function r_standard_suffix$esjava$0() {
var among_var = undefined;
var v_1 = undefined;
this.B_standard_suffix_removed = false;
replab0: while (true) {
v_1 = this.limit - this.cursor;
lab1: do {
if (!this.r_combo_suffix$esjava$0()) {
break lab1;
}
continue replab0;
} while (false);
this.cursor = this.limit - v_1;
break replab0;
}
this.ket = this.cursor;
among_var = this.find_among_b$esjava$1(romanianStemmer.a_3);
if (among_var === 0) {
return false;
}
this.bra = this.cursor;
if (!this.r_R2$esjava$0()) {
return false;
}
switch (among_var) {
case 0:
return false;
case 1:
this.slice_del$esjava$0();
break;
case 2:
if (!this.eq_s_b$esjava$1('\u0163')) {
return false;
}
this.bra = this.cursor;
this.slice_from$esjava$1("t");
break;
case 3:
this.slice_from$esjava$1("ist");
break;
}
this.B_standard_suffix_removed = true;
return true;
}
}, {
key: 'r_verb_suffix$esjava$0',
value: function r_verb_suffix$esjava$0() {
var among_var = undefined;
var v_1 = undefined;
var v_2 = undefined;
var v_3 = undefined;
v_1 = this.limit - this.cursor;
if (this.cursor < this.I_pV) {
return false;
}
this.cursor = this.I_pV;
v_2 = this.limit_backward;
this.limit_backward = this.cursor;
this.cursor = this.limit - v_1;
this.ket = this.cursor;
among_var = this.find_among_b$esjava$1(romanianStemmer.a_4);
if (among_var === 0) {
this.limit_backward = v_2;
return false;
}
this.bra = this.cursor;
switch (among_var) {
case 0:
this.limit_backward = v_2;
return false;
case 1:
lab0: do {
v_3 = this.limit - this.cursor;
lab1: do {
if (!this.out_grouping_b$esjava$3(romanianStemmer.g_v, 97, 259)) {
break lab1;
}
break lab0;
} while (false);
this.cursor = this.limit - v_3;
if (!this.eq_s_b$esjava$1("u")) {
this.limit_backward = v_2;
return false;
}
} while (false);
this.slice_del$esjava$0();
break;
case 2:
this.slice_del$esjava$0();
break;
}
this.limit_backward = v_2;
return true;
}
}, {
key: 'r_vowel_suffix$esjava$0',
value: function r_vowel_suffix$esjava$0() {
var among_var = undefined;
this.ket = this.cursor;
among_var = this.find_among_b$esjava$1(romanianStemmer.a_5);
if (among_var === 0) {
return false;
}
this.bra = this.cursor;
if (!this.r_RV$esjava$0()) {
return false;
}
switch (among_var) {
case 0:
return false;
case 1:
this.slice_del$esjava$0();
break;
}
return true;
}
}, {
key: 'stem$esjava$0',
value: function stem$esjava$0() {
var v_1 = undefined;
var v_2 = undefined;
var v_3 = undefined;
var v_4 = undefined;
var v_5 = undefined;
var v_6 = undefined;
var v_7 = undefined;
var v_8 = undefined;
v_1 = this.cursor;
lab0: do {
if (!this.r_prelude$esjava$0()) {
break lab0;
}
} while (false);
this.cursor = v_1;
v_2 = this.cursor;
lab1: do {
if (!this.r_mark_regions$esjava$0()) {
break lab1;
}
} while (false);
this.cursor = v_2;
this.limit_backward = this.cursor;
this.cursor = this.limit;
v_3 = this.limit - this.cursor;
lab2: do {
if (!this.r_step_0$esjava$0()) {
break lab2;
}
} while (false);
this.cursor = this.limit - v_3;
v_4 = this.limit - this.cursor;
lab3: do {
if (!this.r_standard_suffix$esjava$0()) {
break lab3;
}
} while (false);
this.cursor = this.limit - v_4;
v_5 = this.limit - this.cursor;
lab4: do {
lab5: do {
v_6 = this.limit - this.cursor;
lab6: do {
if (!this.B_standard_suffix_removed) {
break lab6;
}
break lab5;
} while (false);
this.cursor = this.limit - v_6;
if (!this.r_verb_suffix$esjava$0()) {
break lab4;
}
} while (false);
} while (false);
this.cursor = this.limit - v_5;
v_7 = this.limit - this.cursor;
lab7: do {
if (!this.r_vowel_suffix$esjava$0()) {
break lab7;
}
} while (false);
this.cursor = this.limit - v_7;
this.cursor = this.limit_backward;
v_8 = this.cursor;
lab8: do {
if (!this.r_postlude$esjava$0()) {
break lab8;
}
} while (false);
this.cursor = v_8;
return true;
}
}, {
key: 'stem',
value: function stem() {
var _get44;
for (var _len43 = arguments.length, args = Array(_len43), _key43 = 0; _key43 < _len43; _key43++) {
args[_key43] = arguments[_key43];
}
switch (args.length) {
case 0:
return this.stem$esjava$0.apply(this, args);
}
return (_get44 = _get(Object.getPrototypeOf(romanianStemmer.prototype), 'stem', this)).call.apply(_get44, [this].concat(args));
}
}, {
key: 'B_standard_suffix_removed',
get: function get() {
return Object.prototype.hasOwnProperty.call(this, '_$esjava$B_standard_suffix_removed') ? this._$esjava$B_standard_suffix_removed : this._$esjava$B_standard_suffix_removed = false;
},
set: function set(v) {
this._$esjava$B_standard_suffix_removed = v;
}
}, {
key: 'I_p2',
get: function get() {
return Object.prototype.hasOwnProperty.call(this, '_$esjava$I_p2') ? this._$esjava$I_p2 : this._$esjava$I_p2 = 0;
},
set: function set(v) {
this._$esjava$I_p2 = v;
}
}, {
key: 'I_p1',
get: function get() {
return Object.prototype.hasOwnProperty.call(this, '_$esjava$I_p1') ? this._$esjava$I_p1 : this._$esjava$I_p1 = 0;
},
set: function set(v) {
this._$esjava$I_p1 = v;
}
}, {
key: 'I_pV',
get: function get() {
return Object.prototype.hasOwnProperty.call(this, '_$esjava$I_pV') ? this._$esjava$I_pV : this._$esjava$I_pV = 0;
},
set: function set(v) {
this._$esjava$I_pV = v;
}
}], [{
key: 'a_0',
get: function get() {
delete romanianStemmer.a_0;
return romanianStemmer.a_0 = [new Among("", -1, 3), new Among("I", 0, 1), new Among("U", 0, 2)];
}
}, {
key: 'a_1',
get: function get() {
delete romanianStemmer.a_1;
return romanianStemmer.a_1 = [new Among("ea", -1, 3), new Among('a\u0163ia', -1, 7), new Among("aua", -1, 2), new Among("iua", -1, 4), new Among('a\u0163ie', -1, 7), new Among("ele", -1, 3), new Among("ile", -1, 5), new Among("iile", 6, 4), new Among("iei", -1, 4), new Among("atei", -1, 6), new Among("ii", -1, 4), new Among("ului", -1, 1), new Among("ul", -1, 1), new Among("elor", -1, 3), new Among("ilor", -1, 4), new Among("iilor", 14, 4)];
}
}, {
key: 'a_2',
get: function get() {
delete romanianStemmer.a_2;
return romanianStemmer.a_2 = [new Among("icala", -1, 4), new Among("iciva", -1, 4), new Among("ativa", -1, 5), new Among("itiva", -1, 6), new Among("icale", -1, 4), new Among('a\u0163iune', -1, 5), new Among('i\u0163iune', -1, 6), new Among("atoare", -1, 5), new Among("itoare", -1, 6), new Among('\u0103toare', -1, 5), new Among("icitate", -1, 4), new Among("abilitate", -1, 1), new Among("ibilitate", -1, 2), new Among("ivitate", -1, 3), new Among("icive", -1, 4), new Among("ative", -1, 5), new Among("itive", -1, 6), new Among("icali", -1, 4), new Among("atori", -1, 5), new Among("icatori", 18, 4), new Among("itori", -1, 6), new Among('\u0103tori', -1, 5), new Among("icitati", -1, 4), new Among("abilitati", -1, 1), new Among("ivitati", -1, 3), new Among("icivi", -1, 4), new Among("ativi", -1, 5), new Among("itivi", -1, 6), new Among('icit\u0103i', -1, 4), new Among('abilit\u0103i', -1, 1), new Among('ivit\u0103i', -1, 3), new Among('icit\u0103\u0163i', -1, 4), new Among('abilit\u0103\u0163i', -1, 1), new Among('ivit\u0103\u0163i', -1, 3), new Among("ical", -1, 4), new Among("ator", -1, 5), new Among("icator", 35, 4), new Among("itor", -1, 6), new Among('\u0103tor', -1, 5), new Among("iciv", -1, 4), new Among("ativ", -1, 5), new Among("itiv", -1, 6), new Among('ical\u0103', -1, 4), new Among('iciv\u0103', -1, 4), new Among('ativ\u0103', -1, 5), new Among('itiv\u0103', -1, 6)];
}
}, {
key: 'a_3',
get: function get() {
delete romanianStemmer.a_3;
return romanianStemmer.a_3 = [new Among("ica", -1, 1), new Among("abila", -1, 1), new Among("ibila", -1, 1), new Among("oasa", -1, 1), new Among("ata", -1, 1), new Among("ita", -1, 1), new Among("anta", -1, 1), new Among("ista", -1, 3), new Among("uta", -1, 1), new Among("iva", -1, 1), new Among("ic", -1, 1), new Among("ice", -1, 1), new Among("abile", -1, 1), new Among("ibile", -1, 1), new Among("isme", -1, 3), new Among("iune", -1, 2), new Among("oase", -1, 1), new Among("ate", -1, 1), new Among("itate", 17, 1), new Among("ite", -1, 1), new Among("ante", -1, 1), new Among("iste", -1, 3), new Among("ute", -1, 1), new Among("ive", -1, 1), new Among("ici", -1, 1), new Among("abili", -1, 1), new Among("ibili", -1, 1), new Among("iuni", -1, 2), new Among("atori", -1, 1), new Among("osi", -1, 1), new Among("ati", -1, 1), new Among("itati", 30, 1), new Among("iti", -1, 1), new Among("anti", -1, 1), new Among("isti", -1, 3), new Among("uti", -1, 1), new Among('i\u015Fti', -1, 3), new Among("ivi", -1, 1), new Among('it\u0103i', -1, 1), new Among('o\u015Fi', -1, 1), new Among('it\u0103\u0163i', -1, 1), new Among("abil", -1, 1), new Among("ibil", -1, 1), new Among("ism", -1, 3), new Among("ator", -1, 1), new Among("os", -1, 1), new Among("at", -1, 1), new Among("it", -1, 1), new Among("ant", -1, 1), new Among("ist", -1, 3), new Among("ut", -1, 1), new Among("iv", -1, 1), new Among('ic\u0103', -1, 1), new Among('abil\u0103', -1, 1), new Among('ibil\u0103', -1, 1), new Among('oas\u0103', -1, 1), new Among('at\u0103', -1, 1), new Among('it\u0103', -1, 1), new Among('ant\u0103', -1, 1), new Among('ist\u0103', -1, 3), new Among('ut\u0103', -1, 1), new Among('iv\u0103', -1, 1)];
}
}, {
key: 'a_4',
get: function get() {
delete romanianStemmer.a_4;
return romanianStemmer.a_4 = [new Among("ea", -1, 1), new Among("ia", -1, 1), new Among("esc", -1, 1), new Among('\u0103sc', -1, 1), new Among("ind", -1, 1), new Among('\u00E2nd', -1, 1), new Among("are", -1, 1), new Among("ere", -1, 1), new Among("ire", -1, 1), new Among('\u00E2re', -1, 1), new Among("se", -1, 2), new Among("ase", 10, 1), new Among("sese", 10, 2), new Among("ise", 10, 1), new Among("use", 10, 1), new Among('\u00E2se', 10, 1), new Among('e\u015Fte', -1, 1), new Among('\u0103\u015Fte', -1, 1), new Among("eze", -1, 1), new Among("ai", -1, 1), new Among("eai", 19, 1), new Among("iai", 19, 1), new Among("sei", -1, 2), new Among('e\u015Fti', -1, 1), new Among('\u0103\u015Fti', -1, 1), new Among("ui", -1, 1), new Among("ezi", -1, 1), new Among('\u00E2i', -1, 1), new Among('a\u015Fi', -1, 1), new Among('se\u015Fi', -1, 2), new Among('ase\u015Fi', 29, 1), new Among('sese\u015Fi', 29, 2), new Among('ise\u015Fi', 29, 1), new Among('use\u015Fi', 29, 1), new Among('\u00E2se\u015Fi', 29, 1), new Among('i\u015Fi', -1, 1), new Among('u\u015Fi', -1, 1), new Among('\u00E2\u015Fi', -1, 1), new Among('a\u0163i', -1, 2), new Among('ea\u0163i', 38, 1), new Among('ia\u0163i', 38, 1), new Among('e\u0163i', -1, 2), new Among('i\u0163i', -1, 2), new Among('\u00E2\u0163i', -1, 2), new Among('ar\u0103\u0163i', -1, 1), new Among('ser\u0103\u0163i', -1, 2), new Among('aser\u0103\u0163i', 45, 1), new Among('seser\u0103\u0163i', 45, 2), new Among('iser\u0103\u0163i', 45, 1), new Among('user\u0103\u0163i', 45, 1), new Among('\u00E2ser\u0103\u0163i', 45, 1), new Among('ir\u0103\u0163i', -1, 1), new Among('ur\u0103\u0163i', -1, 1), new Among('\u00E2r\u0103\u0163i', -1, 1), new Among("am", -1, 1), new Among("eam", 54, 1), new Among("iam", 54, 1), new Among("em", -1, 2), new Among("asem", 57, 1), new Among("sesem", 57, 2), new Among("isem", 57, 1), new Among("usem", 57, 1), new Among('\u00E2sem', 57, 1), new Among("im", -1, 2), new Among('\u00E2m', -1, 2), new Among('\u0103m', -1, 2), new Among('ar\u0103m', 65, 1), new Among('ser\u0103m', 65, 2), new Among('aser\u0103m', 67, 1), new Among('seser\u0103m', 67, 2), new Among('iser\u0103m', 67, 1), new Among('user\u0103m', 67, 1), new Among('\u00E2ser\u0103m', 67, 1), new Among('ir\u0103m', 65, 1), new Among('ur\u0103m', 65, 1), new Among('\u00E2r\u0103m', 65, 1), new Among("au", -1, 1), new Among("eau", 76, 1), new Among("iau", 76, 1), new Among("indu", -1, 1), new Among('\u00E2ndu', -1, 1), new Among("ez", -1, 1), new Among('easc\u0103', -1, 1), new Among('ar\u0103', -1, 1), new Among('ser\u0103', -1, 2), new Among('aser\u0103', 84, 1), new Among('seser\u0103', 84, 2), new Among('iser\u0103', 84, 1), new Among('user\u0103', 84, 1), new Among('\u00E2ser\u0103', 84, 1), new Among('ir\u0103', -1, 1), new Among('ur\u0103', -1, 1), new Among('\u00E2r\u0103', -1, 1), new Among('eaz\u0103', -1, 1)];
}
}, {
key: 'a_5',
get: function get() {
delete romanianStemmer.a_5;
return romanianStemmer.a_5 = [new Among("a", -1, 1), new Among("e", -1, 1), new Among("ie", 1, 1), new Among("i", -1, 1), new Among('\u0103', -1, 1)];
}
}, {
key: 'g_v',
get: function get() {
delete romanianStemmer.g_v;
return romanianStemmer.g_v = [17, 65, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 32, 0, 0, 4];
}
}]);
return romanianStemmer;
}(SnowballStemmer);
