var swedishStemmer = function (_SnowballStemmer22) {
_inherits(swedishStemmer, _SnowballStemmer22);
function swedishStemmer() {
_classCallCheck(this, swedishStemmer);
return _possibleConstructorReturn(this, Object.getPrototypeOf(swedishStemmer).apply(this, arguments));
}
_createClass(swedishStemmer, [{
key: 'r_mark_regions$esjava$0',
value: function r_mark_regions$esjava$0() {
var v_1 = undefined;
var v_2 = undefined;
this.I_p1 = this.limit;
v_1 = this.cursor;
{
var c = this.cursor + 3;
if (0 > c || c > this.limit) {
return false;
}
this.cursor = c;
}
this.I_x = this.cursor;
this.cursor = v_1;
golab0: while (true) {
v_2 = this.cursor;
lab1: do {
if (!this.in_grouping$esjava$3(swedishStemmer.g_v, 97, 246)) {
break lab1;
}
this.cursor = v_2;
break golab0;
} while (false);
this.cursor = v_2;
if (this.cursor >= this.limit) {
return false;
}
this.cursor++;
}
golab2: while (true) {
lab3: do {
if (!this.out_grouping$esjava$3(swedishStemmer.g_v, 97, 246)) {
break lab3;
}
break golab2;
} while (false);
if (this.cursor >= this.limit) {
return false;
}
this.cursor++;
}
this.I_p1 = this.cursor;
lab4: do {
if (!(this.I_p1 < this.I_x)) {
break lab4;
}
this.I_p1 = this.I_x;
} while (false);
return true;
}
}, {
key: 'r_main_suffix$esjava$0',
value: function r_main_suffix$esjava$0() {
var among_var = undefined;
var v_1 = undefined;
var v_2 = undefined;
v_1 = this.limit - this.cursor;
if (this.cursor < this.I_p1) {
return false;
}
this.cursor = this.I_p1;
v_2 = this.limit_backward;
this.limit_backward = this.cursor;
this.cursor = this.limit - v_1;
this.ket = this.cursor;
among_var = this.find_among_b$esjava$1(swedishStemmer.a_0);
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
this.slice_del$esjava$0();
break;
case 2:
if (!this.in_grouping_b$esjava$3(swedishStemmer.g_s_ending, 98, 121)) {
return false;
}
this.slice_del$esjava$0();
break;
}
return true;
}
}, {
key: 'r_consonant_pair$esjava$0',
value: function r_consonant_pair$esjava$0() {
var v_1 = undefined;
var v_2 = undefined;
var v_3 = undefined;
v_1 = this.limit - this.cursor;
if (this.cursor < this.I_p1) {
return false;
}
this.cursor = this.I_p1;
v_2 = this.limit_backward;
this.limit_backward = this.cursor;
this.cursor = this.limit - v_1;
v_3 = this.limit - this.cursor;
if (this.find_among_b$esjava$1(swedishStemmer.a_1) === 0) {
this.limit_backward = v_2;
return false;
}
this.cursor = this.limit - v_3;
this.ket = this.cursor;
if (this.cursor <= this.limit_backward) {
this.limit_backward = v_2;
return false;
}
this.cursor--;
this.bra = this.cursor;
this.slice_del$esjava$0();
this.limit_backward = v_2;
return true;
}
}, {
key: 'r_other_suffix$esjava$0',
value: function r_other_suffix$esjava$0() {
var among_var = undefined;
var v_1 = undefined;
var v_2 = undefined;
v_1 = this.limit - this.cursor;
if (this.cursor < this.I_p1) {
return false;
}
this.cursor = this.I_p1;
v_2 = this.limit_backward;
this.limit_backward = this.cursor;
this.cursor = this.limit - v_1;
this.ket = this.cursor;
among_var = this.find_among_b$esjava$1(swedishStemmer.a_2);
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
this.slice_del$esjava$0();
break;
case 2:
this.slice_from$esjava$1('l\u00F6s');
break;
case 3:
this.slice_from$esjava$1("full");
break;
}
this.limit_backward = v_2;
return true;
}
}, {
key: 'stem$esjava$0',
value: function stem$esjava$0() {
var v_1 = undefined;
var v_2 = undefined;
var v_3 = undefined;
var v_4 = undefined;
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
if (!this.r_main_suffix$esjava$0()) {
break lab1;
}
} while (false);
this.cursor = this.limit - v_2;
v_3 = this.limit - this.cursor;
lab2: do {
if (!this.r_consonant_pair$esjava$0()) {
break lab2;
}
} while (false);
this.cursor = this.limit - v_3;
v_4 = this.limit - this.cursor;
lab3: do {
if (!this.r_other_suffix$esjava$0()) {
break lab3;
}
} while (false);
this.cursor = this.limit - v_4;
this.cursor = this.limit_backward;
return true;
}
}, {
key: 'stem',
value: function stem() {
var _get48;
for (var _len47 = arguments.length, args = Array(_len47), _key47 = 0; _key47 < _len47; _key47++) {
args[_key47] = arguments[_key47];
}
switch (args.length) {
case 0:
return this.stem$esjava$0.apply(this, args);
}
return (_get48 = _get(Object.getPrototypeOf(swedishStemmer.prototype), 'stem', this)).call.apply(_get48, [this].concat(args));
}
}, {
key: 'I_x',
get: function get() {
return Object.prototype.hasOwnProperty.call(this, '_$esjava$I_x') ? this._$esjava$I_x : this._$esjava$I_x = 0;
},
set: function set(v) {
this._$esjava$I_x = v;
}
}, {
key: 'I_p1',
get: function get() {
return Object.prototype.hasOwnProperty.call(this, '_$esjava$I_p1') ? this._$esjava$I_p1 : this._$esjava$I_p1 = 0;
},
set: function set(v) {
this._$esjava$I_p1 = v;
}
}], [{
key: 'a_0',
get: function get() {
delete swedishStemmer.a_0;
return swedishStemmer.a_0 = [new Among("a", -1, 1), new Among("arna", 0, 1), new Among("erna", 0, 1), new Among("heterna", 2, 1), new Among("orna", 0, 1), new Among("ad", -1, 1), new Among("e", -1, 1), new Among("ade", 6, 1), new Among("ande", 6, 1), new Among("arne", 6, 1), new Among("are", 6, 1), new Among("aste", 6, 1), new Among("en", -1, 1), new Among("anden", 12, 1), new Among("aren", 12, 1), new Among("heten", 12, 1), new Among("ern", -1, 1), new Among("ar", -1, 1), new Among("er", -1, 1), new Among("heter", 18, 1), new Among("or", -1, 1), new Among("s", -1, 2), new Among("as", 21, 1), new Among("arnas", 22, 1), new Among("ernas", 22, 1), new Among("ornas", 22, 1), new Among("es", 21, 1), new Among("ades", 26, 1), new Among("andes", 26, 1), new Among("ens", 21, 1), new Among("arens", 29, 1), new Among("hetens", 29, 1), new Among("erns", 21, 1), new Among("at", -1, 1), new Among("andet", -1, 1), new Among("het", -1, 1), new Among("ast", -1, 1)];
}
}, {
key: 'a_1',
get: function get() {
delete swedishStemmer.a_1;
return swedishStemmer.a_1 = [new Among("dd", -1, -1), new Among("gd", -1, -1), new Among("nn", -1, -1), new Among("dt", -1, -1), new Among("gt", -1, -1), new Among("kt", -1, -1), new Among("tt", -1, -1)];
}
}, {
key: 'a_2',
get: function get() {
delete swedishStemmer.a_2;
return swedishStemmer.a_2 = [new Among("ig", -1, 1), new Among("lig", 0, 1), new Among("els", -1, 1), new Among("fullt", -1, 3), new Among('l\u00F6st', -1, 2)];
}
}, {
key: 'g_v',
get: function get() {
delete swedishStemmer.g_v;
return swedishStemmer.g_v = [17, 65, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 24, 0, 32];
}
}, {
key: 'g_s_ending',
get: function get() {
delete swedishStemmer.g_s_ending;
return swedishStemmer.g_s_ending = [119, 127, 149];
}
}]);
return swedishStemmer;
}(SnowballStemmer);
