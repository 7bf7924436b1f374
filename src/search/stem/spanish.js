var spanishStemmer = function (_SnowballStemmer21) {
_inherits(spanishStemmer, _SnowballStemmer21);
function spanishStemmer() {
_classCallCheck(this, spanishStemmer);
return _possibleConstructorReturn(this, Object.getPrototypeOf(spanishStemmer).apply(this, arguments));
}
_createClass(spanishStemmer, [{
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
if (!this.in_grouping$esjava$3(spanishStemmer.g_v, 97, 252)) {
break lab2;
}
lab3: do {
v_3 = this.cursor;
lab4: do {
if (!this.out_grouping$esjava$3(spanishStemmer.g_v, 97, 252)) {
break lab4;
}
golab5: while (true) {
lab6: do {
if (!this.in_grouping$esjava$3(spanishStemmer.g_v, 97, 252)) {
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
if (!this.in_grouping$esjava$3(spanishStemmer.g_v, 97, 252)) {
break lab2;
}
golab7: while (true) {
lab8: do {
if (!this.out_grouping$esjava$3(spanishStemmer.g_v, 97, 252)) {
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
if (!this.out_grouping$esjava$3(spanishStemmer.g_v, 97, 252)) {
break lab0;
}
lab9: do {
v_6 = this.cursor;
lab10: do {
if (!this.out_grouping$esjava$3(spanishStemmer.g_v, 97, 252)) {
break lab10;
}
golab11: while (true) {
lab12: do {
if (!this.in_grouping$esjava$3(spanishStemmer.g_v, 97, 252)) {
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
if (!this.in_grouping$esjava$3(spanishStemmer.g_v, 97, 252)) {
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
if (!this.in_grouping$esjava$3(spanishStemmer.g_v, 97, 252)) {
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
if (!this.out_grouping$esjava$3(spanishStemmer.g_v, 97, 252)) {
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
if (!this.in_grouping$esjava$3(spanishStemmer.g_v, 97, 252)) {
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
if (!this.out_grouping$esjava$3(spanishStemmer.g_v, 97, 252)) {
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
among_var = this.find_among$esjava$1(spanishStemmer.a_0);
if (among_var === 0) {
break lab1;
}
this.ket = this.cursor;
switch (among_var) {
case 0:
break lab1;
case 1:
this.slice_from$esjava$1("a");
break;
case 2:
this.slice_from$esjava$1("e");
break;
case 3:
this.slice_from$esjava$1("i");
break;
case 4:
this.slice_from$esjava$1("o");
break;
case 5:
this.slice_from$esjava$1("u");
break;
case 6:
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
key: 'r_attached_pronoun$esjava$0',
value: function r_attached_pronoun$esjava$0() {
var among_var = undefined;
this.ket = this.cursor;
if (this.find_among_b$esjava$1(spanishStemmer.a_1) === 0) {
return false;
}
this.bra = this.cursor;
among_var = this.find_among_b$esjava$1(spanishStemmer.a_2);
if (among_var === 0) {
return false;
}
if (!this.r_RV$esjava$0()) {
return false;
}
switch (among_var) {
case 0:
return false;
case 1:
this.bra = this.cursor;
this.slice_from$esjava$1("iendo");
break;
case 2:
this.bra = this.cursor;
this.slice_from$esjava$1("ando");
break;
case 3:
this.bra = this.cursor;
this.slice_from$esjava$1("ar");
break;
case 4:
this.bra = this.cursor;
this.slice_from$esjava$1("er");
break;
case 5:
this.bra = this.cursor;
this.slice_from$esjava$1("ir");
break;
case 6:
this.slice_del$esjava$0();
break;
case 7:
if (!this.eq_s_b$esjava$1("u")) {
return false;
}
this.slice_del$esjava$0();
break;
}
return true;
}
}, {
key: 'r_standard_suffix$esjava$0',
value: function r_standard_suffix$esjava$0() {
var among_var = undefined;
var v_1 = undefined;
var v_2 = undefined;
var v_3 = undefined;
var v_4 = undefined;
var v_5 = undefined;
this.ket = this.cursor;
among_var = this.find_among_b$esjava$1(spanishStemmer.a_6);
if (among_var === 0) {
return false;
}
this.bra = this.cursor;
switch (among_var) {
case 0:
return false;
case 1:
if (!this.r_R2$esjava$0()) {
return false;
}
this.slice_del$esjava$0();
break;
case 2:
if (!this.r_R2$esjava$0()) {
return false;
}
this.slice_del$esjava$0();
v_1 = this.limit - this.cursor;
lab0: do {
this.ket = this.cursor;
if (!this.eq_s_b$esjava$1("ic")) {
this.cursor = this.limit - v_1;
break lab0;
}
this.bra = this.cursor;
if (!this.r_R2$esjava$0()) {
this.cursor = this.limit - v_1;
break lab0;
}
this.slice_del$esjava$0();
} while (false);
break;
case 3:
if (!this.r_R2$esjava$0()) {
return false;
}
this.slice_from$esjava$1("log");
break;
case 4:
if (!this.r_R2$esjava$0()) {
return false;
}
this.slice_from$esjava$1("u");
break;
case 5:
if (!this.r_R2$esjava$0()) {
return false;
}
this.slice_from$esjava$1("ente");
break;
case 6:
if (!this.r_R1$esjava$0()) {
return false;
}
this.slice_del$esjava$0();
v_2 = this.limit - this.cursor;
lab1: do {
this.ket = this.cursor;
among_var = this.find_among_b$esjava$1(spanishStemmer.a_3);
if (among_var === 0) {
this.cursor = this.limit - v_2;
break lab1;
}
this.bra = this.cursor;
if (!this.r_R2$esjava$0()) {
this.cursor = this.limit - v_2;
break lab1;
}
this.slice_del$esjava$0();
switch (among_var) {
case 0:
this.cursor = this.limit - v_2;
break lab1;
case 1:
this.ket = this.cursor;
if (!this.eq_s_b$esjava$1("at")) {
this.cursor = this.limit - v_2;
break lab1;
}
this.bra = this.cursor;
if (!this.r_R2$esjava$0()) {
this.cursor = this.limit - v_2;
break lab1;
}
this.slice_del$esjava$0();
break;
}
} while (false);
break;
case 7:
if (!this.r_R2$esjava$0()) {
return false;
}
this.slice_del$esjava$0();
v_3 = this.limit - this.cursor;
lab2: do {
this.ket = this.cursor;
among_var = this.find_among_b$esjava$1(spanishStemmer.a_4);
if (among_var === 0) {
this.cursor = this.limit - v_3;
break lab2;
}
this.bra = this.cursor;
switch (among_var) {
case 0:
this.cursor = this.limit - v_3;
break lab2;
case 1:
if (!this.r_R2$esjava$0()) {
this.cursor = this.limit - v_3;
break lab2;
}
this.slice_del$esjava$0();
break;
}
} while (false);
break;
case 8:
if (!this.r_R2$esjava$0()) {
return false;
}
this.slice_del$esjava$0();
v_4 = this.limit - this.cursor;
lab3: do {
this.ket = this.cursor;
among_var = this.find_among_b$esjava$1(spanishStemmer.a_5);
if (among_var === 0) {
this.cursor = this.limit - v_4;
break lab3;
}
this.bra = this.cursor;
switch (among_var) {
case 0:
this.cursor = this.limit - v_4;
break lab3;
case 1:
if (!this.r_R2$esjava$0()) {
this.cursor = this.limit - v_4;
break lab3;
}
this.slice_del$esjava$0();
break;
}
} while (false);
break;
case 9:
if (!this.r_R2$esjava$0()) {
return false;
}
this.slice_del$esjava$0();
v_5 = this.limit - this.cursor;
lab4: do {
this.ket = this.cursor;
if (!this.eq_s_b$esjava$1("at")) {
this.cursor = this.limit - v_5;
break lab4;
}
this.bra = this.cursor;
if (!this.r_R2$esjava$0()) {
this.cursor = this.limit - v_5;
break lab4;
}
this.slice_del$esjava$0();
} while (false);
break;
}
return true;
}
}, {
key: 'r_y_verb_suffix$esjava$0',
value: function r_y_verb_suffix$esjava$0() {
var among_var = undefined;
var v_1 = undefined;
var v_2 = undefined;
v_1 = this.limit - this.cursor;
if (this.cursor < this.I_pV) {
return false;
}
this.cursor = this.I_pV;
v_2 = this.limit_backward;
this.limit_backward = this.cursor;
this.cursor = this.limit - v_1;
this.ket = this.cursor;
among_var = this.find_among_b$esjava$1(spanishStemmer.a_7);
if (among_var === 0) {
this.limit_backward = v_2;
return false;
}
this.bra = this.cursor;
this.limit_backward = v_2;
switch (among_var) {
case 0:
return false;
case 1:
if (!this.eq_s_b$esjava$1("u")) {
return false;
}
this.slice_del$esjava$0();
break;
}
return true;
}
}, {
key: 'r_verb_suffix$esjava$0',
value: function r_verb_suffix$esjava$0() {
var among_var = undefined;
var v_1 = undefined;
var v_2 = undefined;
var v_3 = undefined;
var v_4 = undefined;
v_1 = this.limit - this.cursor;
if (this.cursor < this.I_pV) {
return false;
}
this.cursor = this.I_pV;
v_2 = this.limit_backward;
this.limit_backward = this.cursor;
this.cursor = this.limit - v_1;
this.ket = this.cursor;
among_var = this.find_among_b$esjava$1(spanishStemmer.a_8);
if (among_var === 0) {
this.limit_backward = v_2;
return false;
}
this.bra = this.cursor;
this.limit_backward = v_2;
switch (among_var) {
case 0:
return false;
case 1:
v_3 = this.limit - this.cursor;
lab0: do {
if (!this.eq_s_b$esjava$1("u")) {
this.cursor = this.limit - v_3;
break lab0;
}
v_4 = this.limit - this.cursor;
if (!this.eq_s_b$esjava$1("g")) {
this.cursor = this.limit - v_3;
break lab0;
}
this.cursor = this.limit - v_4;
} while (false);
this.bra = this.cursor;
this.slice_del$esjava$0();
break;
case 2:
this.slice_del$esjava$0();
break;
}
return true;
}
}, {
key: 'r_residual_suffix$esjava$0',
value: function r_residual_suffix$esjava$0() {
var among_var = undefined;
var v_1 = undefined;
var v_2 = undefined;
this.ket = this.cursor;
among_var = this.find_among_b$esjava$1(spanishStemmer.a_9);
if (among_var === 0) {
return false;
}
this.bra = this.cursor;
switch (among_var) {
case 0:
return false;
case 1:
if (!this.r_RV$esjava$0()) {
return false;
}
this.slice_del$esjava$0();
break;
case 2:
if (!this.r_RV$esjava$0()) {
return false;
}
this.slice_del$esjava$0();
v_1 = this.limit - this.cursor;
lab0: do {
this.ket = this.cursor;
if (!this.eq_s_b$esjava$1("u")) {
this.cursor = this.limit - v_1;
break lab0;
}
this.bra = this.cursor;
v_2 = this.limit - this.cursor;
if (!this.eq_s_b$esjava$1("g")) {
this.cursor = this.limit - v_1;
break lab0;
}
this.cursor = this.limit - v_2;
if (!this.r_RV$esjava$0()) {
this.cursor = this.limit - v_1;
break lab0;
}
this.slice_del$esjava$0();
} while (false);
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
v_1 = this.cursor;
lab0: do {
if (!this.r_mark_regions$esjava$0()) {
break lab0;
}
} while (false);
this.cursor = v_1;
this.limit_backward = this.cursor;
this.cursor = this.limit;
v_2 = this.limit - this.cursor;
lab1: do {
if (!this.r_attached_pronoun$esjava$0()) {
break lab1;
}
} while (false);
this.cursor = this.limit - v_2;
v_3 = this.limit - this.cursor;
lab2: do {
lab3: do {
v_4 = this.limit - this.cursor;
lab4: do {
if (!this.r_standard_suffix$esjava$0()) {
break lab4;
}
break lab3;
} while (false);
this.cursor = this.limit - v_4;
lab5: do {
if (!this.r_y_verb_suffix$esjava$0()) {
break lab5;
}
break lab3;
} while (false);
this.cursor = this.limit - v_4;
if (!this.r_verb_suffix$esjava$0()) {
break lab2;
}
} while (false);
} while (false);
this.cursor = this.limit - v_3;
v_5 = this.limit - this.cursor;
lab6: do {
if (!this.r_residual_suffix$esjava$0()) {
break lab6;
}
} while (false);
this.cursor = this.limit - v_5;
this.cursor = this.limit_backward;
v_6 = this.cursor;
lab7: do {
if (!this.r_postlude$esjava$0()) {
break lab7;
}
} while (false);
this.cursor = v_6;
return true;
}
}, {
key: 'stem',
value: function stem() {
var _get47;
for (var _len46 = arguments.length, args = Array(_len46), _key46 = 0; _key46 < _len46; _key46++) {
args[_key46] = arguments[_key46];
}
switch (args.length) {
case 0:
return this.stem$esjava$0.apply(this, args);
}
return (_get47 = _get(Object.getPrototypeOf(spanishStemmer.prototype), 'stem', this)).call.apply(_get47, [this].concat(args));
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
delete spanishStemmer.a_0;
return spanishStemmer.a_0 = [new Among("", -1, 6), new Among('\u00E1', 0, 1), new Among('\u00E9', 0, 2), new Among('\u00ED', 0, 3), new Among('\u00F3', 0, 4), new Among('\u00FA', 0, 5)];
}
}, {
key: 'a_1',
get: function get() {
delete spanishStemmer.a_1;
return spanishStemmer.a_1 = [new Among("la", -1, -1), new Among("sela", 0, -1), new Among("le", -1, -1), new Among("me", -1, -1), new Among("se", -1, -1), new Among("lo", -1, -1), new Among("selo", 5, -1), new Among("las", -1, -1), new Among("selas", 7, -1), new Among("les", -1, -1), new Among("los", -1, -1), new Among("selos", 10, -1), new Among("nos", -1, -1)];
}
}, {
key: 'a_2',
get: function get() {
delete spanishStemmer.a_2;
return spanishStemmer.a_2 = [new Among("ando", -1, 6), new Among("iendo", -1, 6), new Among("yendo", -1, 7), new Among('\u00E1ndo', -1, 2), new Among('i\u00E9ndo', -1, 1), new Among("ar", -1, 6), new Among("er", -1, 6), new Among("ir", -1, 6), new Among('\u00E1r', -1, 3), new Among('\u00E9r', -1, 4), new Among('\u00EDr', -1, 5)];
}
}, {
key: 'a_3',
get: function get() {
delete spanishStemmer.a_3;
return spanishStemmer.a_3 = [new Among("ic", -1, -1), new Among("ad", -1, -1), new Among("os", -1, -1), new Among("iv", -1, 1)];
}
}, {
key: 'a_4',
get: function get() {
delete spanishStemmer.a_4;
return spanishStemmer.a_4 = [new Among("able", -1, 1), new Among("ible", -1, 1), new Among("ante", -1, 1)];
}
}, {
key: 'a_5',
get: function get() {
delete spanishStemmer.a_5;
return spanishStemmer.a_5 = [new Among("ic", -1, 1), new Among("abil", -1, 1), new Among("iv", -1, 1)];
}
}, {
key: 'a_6',
get: function get() {
delete spanishStemmer.a_6;
return spanishStemmer.a_6 = [new Among("ica", -1, 1), new Among("ancia", -1, 2), new Among("encia", -1, 5), new Among("adora", -1, 2), new Among("osa", -1, 1), new Among("ista", -1, 1), new Among("iva", -1, 9), new Among("anza", -1, 1), new Among('log\u00EDa', -1, 3), new Among("idad", -1, 8), new Among("able", -1, 1), new Among("ible", -1, 1), new Among("ante", -1, 2), new Among("mente", -1, 7), new Among("amente", 13, 6), new Among('aci\u00F3n', -1, 2), new Among('uci\u00F3n', -1, 4), new Among("ico", -1, 1), new Among("ismo", -1, 1), new Among("oso", -1, 1), new Among("amiento", -1, 1), new Among("imiento", -1, 1), new Among("ivo", -1, 9), new Among("ador", -1, 2), new Among("icas", -1, 1), new Among("ancias", -1, 2), new Among("encias", -1, 5), new Among("adoras", -1, 2), new Among("osas", -1, 1), new Among("istas", -1, 1), new Among("ivas", -1, 9), new Among("anzas", -1, 1), new Among('log\u00EDas', -1, 3), new Among("idades", -1, 8), new Among("ables", -1, 1), new Among("ibles", -1, 1), new Among("aciones", -1, 2), new Among("uciones", -1, 4), new Among("adores", -1, 2), new Among("antes", -1, 2), new Among("icos", -1, 1), new Among("ismos", -1, 1), new Among("osos", -1, 1), new Among("amientos", -1, 1), new Among("imientos", -1, 1), new Among("ivos", -1, 9)];
}
}, {
key: 'a_7',
get: function get() {
delete spanishStemmer.a_7;
return spanishStemmer.a_7 = [new Among("ya", -1, 1), new Among("ye", -1, 1), new Among("yan", -1, 1), new Among("yen", -1, 1), new Among("yeron", -1, 1), new Among("yendo", -1, 1), new Among("yo", -1, 1), new Among("yas", -1, 1), new Among("yes", -1, 1), new Among("yais", -1, 1), new Among("yamos", -1, 1), new Among('y\u00F3', -1, 1)];
}
}, {
key: 'a_8',
get: function get() {
delete spanishStemmer.a_8;
return spanishStemmer.a_8 = [new Among("aba", -1, 2), new Among("ada", -1, 2), new Among("ida", -1, 2), new Among("ara", -1, 2), new Among("iera", -1, 2), new Among('\u00EDa', -1, 2), new Among('ar\u00EDa', 5, 2), new Among('er\u00EDa', 5, 2), new Among('ir\u00EDa', 5, 2), new Among("ad", -1, 2), new Among("ed", -1, 2), new Among("id", -1, 2), new Among("ase", -1, 2), new Among("iese", -1, 2), new Among("aste", -1, 2), new Among("iste", -1, 2), new Among("an", -1, 2), new Among("aban", 16, 2), new Among("aran", 16, 2), new Among("ieran", 16, 2), new Among('\u00EDan', 16, 2), new Among('ar\u00EDan', 20, 2), new Among('er\u00EDan', 20, 2), new Among('ir\u00EDan', 20, 2), new Among("en", -1, 1), new Among("asen", 24, 2), new Among("iesen", 24, 2), new Among("aron", -1, 2), new Among("ieron", -1, 2), new Among('ar\u00E1n', -1, 2), new Among('er\u00E1n', -1, 2), new Among('ir\u00E1n', -1, 2), new Among("ado", -1, 2), new Among("ido", -1, 2), new Among("ando", -1, 2), new Among("iendo", -1, 2), new Among("ar", -1, 2), new Among("er", -1, 2), new Among("ir", -1, 2), new Among("as", -1, 2), new Among("abas", 39, 2), new Among("adas", 39, 2), new Among("idas", 39, 2), new Among("aras", 39, 2), new Among("ieras", 39, 2), new Among('\u00EDas', 39, 2), new Among('ar\u00EDas', 45, 2), new Among('er\u00EDas', 45, 2), new Among('ir\u00EDas', 45, 2), new Among("es", -1, 1), new Among("ases", 49, 2), new Among("ieses", 49, 2), new Among("abais", -1, 2), new Among("arais", -1, 2), new Among("ierais", -1, 2), new Among('\u00EDais', -1, 2), new Among('ar\u00EDais', 55, 2), new Among('er\u00EDais', 55, 2), new Among('ir\u00EDais', 55, 2), new Among("aseis", -1, 2), new Among("ieseis", -1, 2), new Among("asteis", -1, 2), new Among("isteis", -1, 2), new Among('\u00E1is', -1, 2), new Among('\u00E9is', -1, 1), new Among('ar\u00E9is', 64, 2), new Among('er\u00E9is', 64, 2), new Among('ir\u00E9is', 64, 2), new Among("ados", -1, 2), new Among("idos", -1, 2), new Among("amos", -1, 2), new Among('\u00E1bamos', 70, 2), new Among('\u00E1ramos', 70, 2), new Among('i\u00E9ramos', 70, 2), new Among('\u00EDamos', 70, 2), new Among('ar\u00EDamos', 74, 2), new Among('er\u00EDamos', 74, 2), new Among('ir\u00EDamos', 74, 2), new Among("emos", -1, 1), new Among("aremos", 78, 2), new Among("eremos", 78, 2), new Among("iremos", 78, 2), new Among('\u00E1semos', 78, 2), new Among('i\u00E9semos', 78, 2), new Among("imos", -1, 2), new Among('ar\u00E1s', -1, 2), new Among('er\u00E1s', -1, 2), new Among('ir\u00E1s', -1, 2), new Among('\u00EDs', -1, 2), new Among('ar\u00E1', -1, 2), new Among('er\u00E1', -1, 2), new Among('ir\u00E1', -1, 2), new Among('ar\u00E9', -1, 2), new Among('er\u00E9', -1, 2), new Among('ir\u00E9', -1, 2), new Among('i\u00F3', -1, 2)];
}
}, {
key: 'a_9',
get: function get() {
delete spanishStemmer.a_9;
return spanishStemmer.a_9 = [new Among("a", -1, 1), new Among("e", -1, 2), new Among("o", -1, 1), new Among("os", -1, 1), new Among('\u00E1', -1, 1), new Among('\u00E9', -1, 2), new Among('\u00ED', -1, 1), new Among('\u00F3', -1, 1)];
}
}, {
key: 'g_v',
get: function get() {
delete spanishStemmer.g_v;
return spanishStemmer.g_v = [17, 65, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 17, 4, 10];
}
}]);
return spanishStemmer;
}(SnowballStemmer);
