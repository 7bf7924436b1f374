var norwegianStemmer = function (_SnowballStemmer15) {
_inherits(norwegianStemmer, _SnowballStemmer15);
function norwegianStemmer() {
_classCallCheck(this, norwegianStemmer);
return _possibleConstructorReturn(this, Object.getPrototypeOf(norwegianStemmer).apply(this, arguments));
}
_createClass(norwegianStemmer, [{
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
if (!this.in_grouping$esjava$3(norwegianStemmer.g_v, 97, 248)) {
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
if (!this.out_grouping$esjava$3(norwegianStemmer.g_v, 97, 248)) {
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
var v_3 = undefined;
v_1 = this.limit - this.cursor;
if (this.cursor < this.I_p1) {
return false;
}
this.cursor = this.I_p1;
v_2 = this.limit_backward;
this.limit_backward = this.cursor;
this.cursor = this.limit - v_1;
this.ket = this.cursor;
among_var = this.find_among_b$esjava$1(norwegianStemmer.a_0);
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
lab0: do {
v_3 = this.limit - this.cursor;
lab1: do {
if (!this.in_grouping_b$esjava$3(norwegianStemmer.g_s_ending, 98, 122)) {
break lab1;
}
break lab0;
} while (false);
this.cursor = this.limit - v_3;
if (!this.eq_s_b$esjava$1("k")) {
return false;
}
if (!this.out_grouping_b$esjava$3(norwegianStemmer.g_v, 97, 248)) {
return false;
}
} while (false);
this.slice_del$esjava$0();
break;
case 3:
this.slice_from$esjava$1("er");
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
v_2 = this.limit - this.cursor;
if (this.cursor < this.I_p1) {
return false;
}
this.cursor = this.I_p1;
v_3 = this.limit_backward;
this.limit_backward = this.cursor;
this.cursor = this.limit - v_2;
this.ket = this.cursor;
if (this.find_among_b$esjava$1(norwegianStemmer.a_1) === 0) {
this.limit_backward = v_3;
return false;
}
this.bra = this.cursor;
this.limit_backward = v_3;
this.cursor = this.limit - v_1;
if (this.cursor <= this.limit_backward) {
return false;
}
this.cursor--;
this.bra = this.cursor;
this.slice_del$esjava$0();
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
among_var = this.find_among_b$esjava$1(norwegianStemmer.a_2);
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
var _get41;
for (var _len40 = arguments.length, args = Array(_len40), _key40 = 0; _key40 < _len40; _key40++) {
args[_key40] = arguments[_key40];
}
switch (args.length) {
case 0:
return this.stem$esjava$0.apply(this, args);
}
return (_get41 = _get(Object.getPrototypeOf(norwegianStemmer.prototype), 'stem', this)).call.apply(_get41, [this].concat(args));
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
delete norwegianStemmer.a_0;
return norwegianStemmer.a_0 = [new Among("a", -1, 1), new Among("e", -1, 1), new Among("ede", 1, 1), new Among("ande", 1, 1), new Among("ende", 1, 1), new Among("ane", 1, 1), new Among("ene", 1, 1), new Among("hetene", 6, 1), new Among("erte", 1, 3), new Among("en", -1, 1), new Among("heten", 9, 1), new Among("ar", -1, 1), new Among("er", -1, 1), new Among("heter", 12, 1), new Among("s", -1, 2), new Among("as", 14, 1), new Among("es", 14, 1), new Among("edes", 16, 1), new Among("endes", 16, 1), new Among("enes", 16, 1), new Among("hetenes", 19, 1), new Among("ens", 14, 1), new Among("hetens", 21, 1), new Among("ers", 14, 1), new Among("ets", 14, 1), new Among("et", -1, 1), new Among("het", 25, 1), new Among("ert", -1, 3), new Among("ast", -1, 1)];
}
}, {
key: 'a_1',
get: function get() {
delete norwegianStemmer.a_1;
return norwegianStemmer.a_1 = [new Among("dt", -1, -1), new Among("vt", -1, -1)];
}
}, {
key: 'a_2',
get: function get() {
delete norwegianStemmer.a_2;
return norwegianStemmer.a_2 = [new Among("leg", -1, 1), new Among("eleg", 0, 1), new Among("ig", -1, 1), new Among("eig", 2, 1), new Among("lig", 2, 1), new Among("elig", 4, 1), new Among("els", -1, 1), new Among("lov", -1, 1), new Among("elov", 7, 1), new Among("slov", 7, 1), new Among("hetslov", 9, 1)];
}
}, {
key: 'g_v',
get: function get() {
delete norwegianStemmer.g_v;
return norwegianStemmer.g_v = [17, 65, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 48, 0, 128];
}
}, {
key: 'g_s_ending',
get: function get() {
delete norwegianStemmer.g_s_ending;
return norwegianStemmer.g_s_ending = [119, 125, 149, 1];
}
}]);
return norwegianStemmer;
}(SnowballStemmer);
