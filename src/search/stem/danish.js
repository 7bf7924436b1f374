var danishStemmer = function (_SnowballStemmer6) {
_inherits(danishStemmer, _SnowballStemmer6);
function danishStemmer() {
_classCallCheck(this, danishStemmer);
return _possibleConstructorReturn(this, Object.getPrototypeOf(danishStemmer).apply(this, arguments));
}
_createClass(danishStemmer, [{
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
if (!this.in_grouping$esjava$3(danishStemmer.g_v, 97, 248)) {
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
if (!this.out_grouping$esjava$3(danishStemmer.g_v, 97, 248)) {
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
among_var = this.find_among_b$esjava$1(danishStemmer.a_0);
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
if (!this.in_grouping_b$esjava$3(danishStemmer.g_s_ending, 97, 229)) {
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
v_2 = this.limit - this.cursor;
if (this.cursor < this.I_p1) {
return false;
}
this.cursor = this.I_p1;
v_3 = this.limit_backward;
this.limit_backward = this.cursor;
this.cursor = this.limit - v_2;
this.ket = this.cursor;
if (this.find_among_b$esjava$1(danishStemmer.a_1) === 0) {
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
var v_3 = undefined;
var v_4 = undefined;
v_1 = this.limit - this.cursor;
lab0: do {
this.ket = this.cursor;
if (!this.eq_s_b$esjava$1("st")) {
break lab0;
}
this.bra = this.cursor;
if (!this.eq_s_b$esjava$1("ig")) {
break lab0;
}
this.slice_del$esjava$0();
} while (false);
this.cursor = this.limit - v_1;
v_2 = this.limit - this.cursor;
if (this.cursor < this.I_p1) {
return false;
}
this.cursor = this.I_p1;
v_3 = this.limit_backward;
this.limit_backward = this.cursor;
this.cursor = this.limit - v_2;
this.ket = this.cursor;
among_var = this.find_among_b$esjava$1(danishStemmer.a_2);
if (among_var === 0) {
this.limit_backward = v_3;
return false;
}
this.bra = this.cursor;
this.limit_backward = v_3;
switch (among_var) {
case 0:
return false;
case 1:
this.slice_del$esjava$0();
v_4 = this.limit - this.cursor;
lab1: do {
if (!this.r_consonant_pair$esjava$0()) {
break lab1;
}
} while (false);
this.cursor = this.limit - v_4;
break;
case 2:
this.slice_from$esjava$1('l\u00F8s');
break;
}
return true;
}
}, {
key: 'r_undouble$esjava$0',
value: function r_undouble$esjava$0() {
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
if (!this.out_grouping_b$esjava$3(danishStemmer.g_v, 97, 248)) {
this.limit_backward = v_2;
return false;
}
this.bra = this.cursor;
this.S_ch = this.slice_to$esjava$1(this.S_ch);
this.limit_backward = v_2;
if (!this.eq_s_b$esjava$1(this.S_ch.toString())) {
return false;
}
this.slice_del$esjava$0();
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
v_5 = this.limit - this.cursor;
lab4: do {
if (!this.r_undouble$esjava$0()) {
break lab4;
}
} while (false);
this.cursor = this.limit - v_5;
this.cursor = this.limit_backward;
return true;
}
}, {
key: 'stem',
value: function stem() {
var _get30;
for (var _len29 = arguments.length, args = Array(_len29), _key29 = 0; _key29 < _len29; _key29++) {
args[_key29] = arguments[_key29];
}
switch (args.length) {
case 0:
return this.stem$esjava$0.apply(this, args);
}
return (_get30 = _get(Object.getPrototypeOf(danishStemmer.prototype), 'stem', this)).call.apply(_get30, [this].concat(args));
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
}, {
key: 'S_ch',
get: function get() {
return Object.prototype.hasOwnProperty.call(this, '_$esjava$S_ch') ? this._$esjava$S_ch : this._$esjava$S_ch = new StringBuilder();
},
set: function set(v) {
this._$esjava$S_ch = v;
}
}], [{
key: 'a_0',
get: function get() {
delete danishStemmer.a_0;
return danishStemmer.a_0 = [new Among("hed", -1, 1), new Among("ethed", 0, 1), new Among("ered", -1, 1), new Among("e", -1, 1), new Among("erede", 3, 1), new Among("ende", 3, 1), new Among("erende", 5, 1), new Among("ene", 3, 1), new Among("erne", 3, 1), new Among("ere", 3, 1), new Among("en", -1, 1), new Among("heden", 10, 1), new Among("eren", 10, 1), new Among("er", -1, 1), new Among("heder", 13, 1), new Among("erer", 13, 1), new Among("s", -1, 2), new Among("heds", 16, 1), new Among("es", 16, 1), new Among("endes", 18, 1), new Among("erendes", 19, 1), new Among("enes", 18, 1), new Among("ernes", 18, 1), new Among("eres", 18, 1), new Among("ens", 16, 1), new Among("hedens", 24, 1), new Among("erens", 24, 1), new Among("ers", 16, 1), new Among("ets", 16, 1), new Among("erets", 28, 1), new Among("et", -1, 1), new Among("eret", 30, 1)];
}
}, {
key: 'a_1',
get: function get() {
delete danishStemmer.a_1;
return danishStemmer.a_1 = [new Among("gd", -1, -1), new Among("dt", -1, -1), new Among("gt", -1, -1), new Among("kt", -1, -1)];
}
}, {
key: 'a_2',
get: function get() {
delete danishStemmer.a_2;
return danishStemmer.a_2 = [new Among("ig", -1, 1), new Among("lig", 0, 1), new Among("elig", 1, 1), new Among("els", -1, 1), new Among('l\u00F8st', -1, 2)];
}
}, {
key: 'g_v',
get: function get() {
delete danishStemmer.g_v;
return danishStemmer.g_v = [17, 65, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 48, 0, 128];
}
}, {
key: 'g_s_ending',
get: function get() {
delete danishStemmer.g_s_ending;
return danishStemmer.g_s_ending = [239, 254, 42, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16];
}
}]);
return danishStemmer;
}(SnowballStemmer);
