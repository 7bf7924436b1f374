var turkishStemmer = function (_SnowballStemmer24) {
_inherits(turkishStemmer, _SnowballStemmer24);
function turkishStemmer() {
_classCallCheck(this, turkishStemmer);
return _possibleConstructorReturn(this, Object.getPrototypeOf(turkishStemmer).apply(this, arguments));
}
_createClass(turkishStemmer, [{
key: 'r_check_vowel_harmony$esjava$0',
value: function r_check_vowel_harmony$esjava$0() {
var v_1 = undefined;
var v_2 = undefined;
var v_3 = undefined;
var v_4 = undefined;
var v_5 = undefined;
var v_6 = undefined;
var v_7 = undefined;
var v_8 = undefined;
var v_9 = undefined;
var v_10 = undefined;
var v_11 = undefined;
v_1 = this.limit - this.cursor;
golab0: while (true) {
v_2 = this.limit - this.cursor;
lab1: do {
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_vowel, 97, 305)) {
break lab1;
}
this.cursor = this.limit - v_2;
break golab0;
} while (false);
this.cursor = this.limit - v_2;
if (this.cursor <= this.limit_backward) {
return false;
}
this.cursor--;
}
lab2: do {
v_3 = this.limit - this.cursor;
lab3: do {
if (!this.eq_s_b$esjava$1("a")) {
break lab3;
}
golab4: while (true) {
v_4 = this.limit - this.cursor;
lab5: do {
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_vowel1, 97, 305)) {
break lab5;
}
this.cursor = this.limit - v_4;
break golab4;
} while (false);
this.cursor = this.limit - v_4;
if (this.cursor <= this.limit_backward) {
break lab3;
}
this.cursor--;
}
break lab2;
} while (false);
this.cursor = this.limit - v_3;
lab6: do {
if (!this.eq_s_b$esjava$1("e")) {
break lab6;
}
golab7: while (true) {
v_5 = this.limit - this.cursor;
lab8: do {
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_vowel2, 101, 252)) {
break lab8;
}
this.cursor = this.limit - v_5;
break golab7;
} while (false);
this.cursor = this.limit - v_5;
if (this.cursor <= this.limit_backward) {
break lab6;
}
this.cursor--;
}
break lab2;
} while (false);
this.cursor = this.limit - v_3;
lab9: do {
if (!this.eq_s_b$esjava$1('\u0131')) {
break lab9;
}
golab10: while (true) {
v_6 = this.limit - this.cursor;
lab11: do {
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_vowel3, 97, 305)) {
break lab11;
}
this.cursor = this.limit - v_6;
break golab10;
} while (false);
this.cursor = this.limit - v_6;
if (this.cursor <= this.limit_backward) {
break lab9;
}
this.cursor--;
}
break lab2;
} while (false);
this.cursor = this.limit - v_3;
lab12: do {
if (!this.eq_s_b$esjava$1("i")) {
break lab12;
}
golab13: while (true) {
v_7 = this.limit - this.cursor;
lab14: do {
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_vowel4, 101, 105)) {
break lab14;
}
this.cursor = this.limit - v_7;
break golab13;
} while (false);
this.cursor = this.limit - v_7;
if (this.cursor <= this.limit_backward) {
break lab12;
}
this.cursor--;
}
break lab2;
} while (false);
this.cursor = this.limit - v_3;
lab15: do {
if (!this.eq_s_b$esjava$1("o")) {
break lab15;
}
golab16: while (true) {
v_8 = this.limit - this.cursor;
lab17: do {
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_vowel5, 111, 117)) {
break lab17;
}
this.cursor = this.limit - v_8;
break golab16;
} while (false);
this.cursor = this.limit - v_8;
if (this.cursor <= this.limit_backward) {
break lab15;
}
this.cursor--;
}
break lab2;
} while (false);
this.cursor = this.limit - v_3;
lab18: do {
if (!this.eq_s_b$esjava$1('\u00F6')) {
break lab18;
}
golab19: while (true) {
v_9 = this.limit - this.cursor;
lab20: do {
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_vowel6, 246, 252)) {
break lab20;
}
this.cursor = this.limit - v_9;
break golab19;
} while (false);
this.cursor = this.limit - v_9;
if (this.cursor <= this.limit_backward) {
break lab18;
}
this.cursor--;
}
break lab2;
} while (false);
this.cursor = this.limit - v_3;
lab21: do {
if (!this.eq_s_b$esjava$1("u")) {
break lab21;
}
golab22: while (true) {
v_10 = this.limit - this.cursor;
lab23: do {
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_vowel5, 111, 117)) {
break lab23;
}
this.cursor = this.limit - v_10;
break golab22;
} while (false);
this.cursor = this.limit - v_10;
if (this.cursor <= this.limit_backward) {
break lab21;
}
this.cursor--;
}
break lab2;
} while (false);
this.cursor = this.limit - v_3;
if (!this.eq_s_b$esjava$1('\u00FC')) {
return false;
}
golab24: while (true) {
v_11 = this.limit - this.cursor;
lab25: do {
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_vowel6, 246, 252)) {
break lab25;
}
this.cursor = this.limit - v_11;
break golab24;
} while (false);
this.cursor = this.limit - v_11;
if (this.cursor <= this.limit_backward) {
return false;
}
this.cursor--;
}
} while (false);
this.cursor = this.limit - v_1;
return true;
}
}, {
key: 'r_mark_suffix_with_optional_n_consonant$esjava$0',
value: function r_mark_suffix_with_optional_n_consonant$esjava$0() {
var v_1 = undefined;
var v_2 = undefined;
var v_3 = undefined;
var v_4 = undefined;
var v_5 = undefined;
lab0: do {
v_1 = this.limit - this.cursor;
lab1: do {
if (!this.eq_s_b$esjava$1("n")) {
break lab1;
}
v_2 = this.limit - this.cursor;
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_vowel, 97, 305)) {
break lab1;
}
this.cursor = this.limit - v_2;
break lab0;
} while (false);
this.cursor = this.limit - v_1;
{
v_3 = this.limit - this.cursor;
lab2: do {
v_4 = this.limit - this.cursor;
if (!this.eq_s_b$esjava$1("n")) {
break lab2;
}
this.cursor = this.limit - v_4;
return false;
} while (false);
this.cursor = this.limit - v_3;
}
v_5 = this.limit - this.cursor;
if (this.cursor <= this.limit_backward) {
return false;
}
this.cursor--;
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_vowel, 97, 305)) {
return false;
}
this.cursor = this.limit - v_5;
} while (false);
return true;
}
}, {
key: 'r_mark_suffix_with_optional_s_consonant$esjava$0',
value: function r_mark_suffix_with_optional_s_consonant$esjava$0() {
var v_1 = undefined;
var v_2 = undefined;
var v_3 = undefined;
var v_4 = undefined;
var v_5 = undefined;
lab0: do {
v_1 = this.limit - this.cursor;
lab1: do {
if (!this.eq_s_b$esjava$1("s")) {
break lab1;
}
v_2 = this.limit - this.cursor;
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_vowel, 97, 305)) {
break lab1;
}
this.cursor = this.limit - v_2;
break lab0;
} while (false);
this.cursor = this.limit - v_1;
{
v_3 = this.limit - this.cursor;
lab2: do {
v_4 = this.limit - this.cursor;
if (!this.eq_s_b$esjava$1("s")) {
break lab2;
}
this.cursor = this.limit - v_4;
return false;
} while (false);
this.cursor = this.limit - v_3;
}
v_5 = this.limit - this.cursor;
if (this.cursor <= this.limit_backward) {
return false;
}
this.cursor--;
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_vowel, 97, 305)) {
return false;
}
this.cursor = this.limit - v_5;
} while (false);
return true;
}
}, {
key: 'r_mark_suffix_with_optional_y_consonant$esjava$0',
value: function r_mark_suffix_with_optional_y_consonant$esjava$0() {
var v_1 = undefined;
var v_2 = undefined;
var v_3 = undefined;
var v_4 = undefined;
var v_5 = undefined;
lab0: do {
v_1 = this.limit - this.cursor;
lab1: do {
if (!this.eq_s_b$esjava$1("y")) {
break lab1;
}
v_2 = this.limit - this.cursor;
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_vowel, 97, 305)) {
break lab1;
}
this.cursor = this.limit - v_2;
break lab0;
} while (false);
this.cursor = this.limit - v_1;
{
v_3 = this.limit - this.cursor;
lab2: do {
v_4 = this.limit - this.cursor;
if (!this.eq_s_b$esjava$1("y")) {
break lab2;
}
this.cursor = this.limit - v_4;
return false;
} while (false);
this.cursor = this.limit - v_3;
}
v_5 = this.limit - this.cursor;
if (this.cursor <= this.limit_backward) {
return false;
}
this.cursor--;
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_vowel, 97, 305)) {
return false;
}
this.cursor = this.limit - v_5;
} while (false);
return true;
}
}, {
key: 'r_mark_suffix_with_optional_U_vowel$esjava$0',
value: function r_mark_suffix_with_optional_U_vowel$esjava$0() {
var v_1 = undefined;
var v_2 = undefined;
var v_3 = undefined;
var v_4 = undefined;
var v_5 = undefined;
lab0: do {
v_1 = this.limit - this.cursor;
lab1: do {
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_U, 105, 305)) {
break lab1;
}
v_2 = this.limit - this.cursor;
if (!this.out_grouping_b$esjava$3(turkishStemmer.g_vowel, 97, 305)) {
break lab1;
}
this.cursor = this.limit - v_2;
break lab0;
} while (false);
this.cursor = this.limit - v_1;
{
v_3 = this.limit - this.cursor;
lab2: do {
v_4 = this.limit - this.cursor;
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_U, 105, 305)) {
break lab2;
}
this.cursor = this.limit - v_4;
return false;
} while (false);
this.cursor = this.limit - v_3;
}
v_5 = this.limit - this.cursor;
if (this.cursor <= this.limit_backward) {
return false;
}
this.cursor--;
if (!this.out_grouping_b$esjava$3(turkishStemmer.g_vowel, 97, 305)) {
return false;
}
this.cursor = this.limit - v_5;
} while (false);
return true;
}
}, {
key: 'r_mark_possessives$esjava$0',
value: function r_mark_possessives$esjava$0() {
if (this.find_among_b$esjava$1(turkishStemmer.a_0) === 0) {
return false;
}
if (!this.r_mark_suffix_with_optional_U_vowel$esjava$0()) {
return false;
}
return true;
}
}, {
key: 'r_mark_sU$esjava$0',
value: function r_mark_sU$esjava$0() {
if (!this.r_check_vowel_harmony$esjava$0()) {
return false;
}
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_U, 105, 305)) {
return false;
}
if (!this.r_mark_suffix_with_optional_s_consonant$esjava$0()) {
return false;
}
return true;
}
}, {
key: 'r_mark_lArI$esjava$0',
value: function r_mark_lArI$esjava$0() {
if (this.find_among_b$esjava$1(turkishStemmer.a_1) === 0) {
return false;
}
return true;
}
}, {
key: 'r_mark_yU$esjava$0',
value: function r_mark_yU$esjava$0() {
if (!this.r_check_vowel_harmony$esjava$0()) {
return false;
}
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_U, 105, 305)) {
return false;
}
if (!this.r_mark_suffix_with_optional_y_consonant$esjava$0()) {
return false;
}
return true;
}
}, {
key: 'r_mark_nU$esjava$0',
value: function r_mark_nU$esjava$0() {
if (!this.r_check_vowel_harmony$esjava$0()) {
return false;
}
if (this.find_among_b$esjava$1(turkishStemmer.a_2) === 0) {
return false;
}
return true;
}
}, {
key: 'r_mark_nUn$esjava$0',
value: function r_mark_nUn$esjava$0() {
if (!this.r_check_vowel_harmony$esjava$0()) {
return false;
}
if (this.find_among_b$esjava$1(turkishStemmer.a_3) === 0) {
return false;
}
if (!this.r_mark_suffix_with_optional_n_consonant$esjava$0()) {
return false;
}
return true;
}
}, {
key: 'r_mark_yA$esjava$0',
value: function r_mark_yA$esjava$0() {
if (!this.r_check_vowel_harmony$esjava$0()) {
return false;
}
if (this.find_among_b$esjava$1(turkishStemmer.a_4) === 0) {
return false;
}
if (!this.r_mark_suffix_with_optional_y_consonant$esjava$0()) {
return false;
}
return true;
}
}, {
key: 'r_mark_nA$esjava$0',
value: function r_mark_nA$esjava$0() {
if (!this.r_check_vowel_harmony$esjava$0()) {
return false;
}
if (this.find_among_b$esjava$1(turkishStemmer.a_5) === 0) {
return false;
}
return true;
}
}, {
key: 'r_mark_DA$esjava$0',
value: function r_mark_DA$esjava$0() {
if (!this.r_check_vowel_harmony$esjava$0()) {
return false;
}
if (this.find_among_b$esjava$1(turkishStemmer.a_6) === 0) {
return false;
}
return true;
}
}, {
key: 'r_mark_ndA$esjava$0',
value: function r_mark_ndA$esjava$0() {
if (!this.r_check_vowel_harmony$esjava$0()) {
return false;
}
if (this.find_among_b$esjava$1(turkishStemmer.a_7) === 0) {
return false;
}
return true;
}
}, {
key: 'r_mark_DAn$esjava$0',
value: function r_mark_DAn$esjava$0() {
if (!this.r_check_vowel_harmony$esjava$0()) {
return false;
}
if (this.find_among_b$esjava$1(turkishStemmer.a_8) === 0) {
return false;
}
return true;
}
}, {
key: 'r_mark_ndAn$esjava$0',
value: function r_mark_ndAn$esjava$0() {
if (!this.r_check_vowel_harmony$esjava$0()) {
return false;
}
if (this.find_among_b$esjava$1(turkishStemmer.a_9) === 0) {
return false;
}
return true;
}
}, {
key: 'r_mark_ylA$esjava$0',
value: function r_mark_ylA$esjava$0() {
if (!this.r_check_vowel_harmony$esjava$0()) {
return false;
}
if (this.find_among_b$esjava$1(turkishStemmer.a_10) === 0) {
return false;
}
if (!this.r_mark_suffix_with_optional_y_consonant$esjava$0()) {
return false;
}
return true;
}
}, {
key: 'r_mark_ki$esjava$0',
value: function r_mark_ki$esjava$0() {
if (!this.eq_s_b$esjava$1("ki")) {
return false;
}
return true;
}
}, {
key: 'r_mark_ncA$esjava$0',
value: function r_mark_ncA$esjava$0() {
if (!this.r_check_vowel_harmony$esjava$0()) {
return false;
}
if (this.find_among_b$esjava$1(turkishStemmer.a_11) === 0) {
return false;
}
if (!this.r_mark_suffix_with_optional_n_consonant$esjava$0()) {
return false;
}
return true;
}
}, {
key: 'r_mark_yUm$esjava$0',
value: function r_mark_yUm$esjava$0() {
if (!this.r_check_vowel_harmony$esjava$0()) {
return false;
}
if (this.find_among_b$esjava$1(turkishStemmer.a_12) === 0) {
return false;
}
if (!this.r_mark_suffix_with_optional_y_consonant$esjava$0()) {
return false;
}
return true;
}
}, {
key: 'r_mark_sUn$esjava$0',
value: function r_mark_sUn$esjava$0() {
if (!this.r_check_vowel_harmony$esjava$0()) {
return false;
}
if (this.find_among_b$esjava$1(turkishStemmer.a_13) === 0) {
return false;
}
return true;
}
}, {
key: 'r_mark_yUz$esjava$0',
value: function r_mark_yUz$esjava$0() {
if (!this.r_check_vowel_harmony$esjava$0()) {
return false;
}
if (this.find_among_b$esjava$1(turkishStemmer.a_14) === 0) {
return false;
}
if (!this.r_mark_suffix_with_optional_y_consonant$esjava$0()) {
return false;
}
return true;
}
}, {
key: 'r_mark_sUnUz$esjava$0',
value: function r_mark_sUnUz$esjava$0() {
if (this.find_among_b$esjava$1(turkishStemmer.a_15) === 0) {
return false;
}
return true;
}
}, {
key: 'r_mark_lAr$esjava$0',
value: function r_mark_lAr$esjava$0() {
if (!this.r_check_vowel_harmony$esjava$0()) {
return false;
}
if (this.find_among_b$esjava$1(turkishStemmer.a_16) === 0) {
return false;
}
return true;
}
}, {
key: 'r_mark_nUz$esjava$0',
value: function r_mark_nUz$esjava$0() {
if (!this.r_check_vowel_harmony$esjava$0()) {
return false;
}
if (this.find_among_b$esjava$1(turkishStemmer.a_17) === 0) {
return false;
}
return true;
}
}, {
key: 'r_mark_DUr$esjava$0',
value: function r_mark_DUr$esjava$0() {
if (!this.r_check_vowel_harmony$esjava$0()) {
return false;
}
if (this.find_among_b$esjava$1(turkishStemmer.a_18) === 0) {
return false;
}
return true;
}
}, {
key: 'r_mark_cAsInA$esjava$0',
value: function r_mark_cAsInA$esjava$0() {
if (this.find_among_b$esjava$1(turkishStemmer.a_19) === 0) {
return false;
}
return true;
}
}, {
key: 'r_mark_yDU$esjava$0',
value: function r_mark_yDU$esjava$0() {
if (!this.r_check_vowel_harmony$esjava$0()) {
return false;
}
if (this.find_among_b$esjava$1(turkishStemmer.a_20) === 0) {
return false;
}
if (!this.r_mark_suffix_with_optional_y_consonant$esjava$0()) {
return false;
}
return true;
}
}, {
key: 'r_mark_ysA$esjava$0',
value: function r_mark_ysA$esjava$0() {
if (this.find_among_b$esjava$1(turkishStemmer.a_21) === 0) {
return false;
}
if (!this.r_mark_suffix_with_optional_y_consonant$esjava$0()) {
return false;
}
return true;
}
}, {
key: 'r_mark_ymUs_$esjava$0',
value: function r_mark_ymUs_$esjava$0() {
if (!this.r_check_vowel_harmony$esjava$0()) {
return false;
}
if (this.find_among_b$esjava$1(turkishStemmer.a_22) === 0) {
return false;
}
if (!this.r_mark_suffix_with_optional_y_consonant$esjava$0()) {
return false;
}
return true;
}
}, {
key: 'r_mark_yken$esjava$0',
value: function r_mark_yken$esjava$0() {
if (!this.eq_s_b$esjava$1("ken")) {
return false;
}
if (!this.r_mark_suffix_with_optional_y_consonant$esjava$0()) {
return false;
}
return true;
}
}, {
key: 'r_stem_nominal_verb_suffixes$esjava$0',
value: function r_stem_nominal_verb_suffixes$esjava$0() {
var v_1 = undefined;
var v_2 = undefined;
var v_3 = undefined;
var v_4 = undefined;
var v_5 = undefined;
var v_6 = undefined;
var v_7 = undefined;
var v_8 = undefined;
var v_9 = undefined;
var v_10 = undefined;
this.ket = this.cursor;
this.B_continue_stemming_noun_suffixes = true;
lab0: do {
v_1 = this.limit - this.cursor;
lab1: do {
lab2: do {
v_2 = this.limit - this.cursor;
lab3: do {
if (!this.r_mark_ymUs_$esjava$0()) {
break lab3;
}
break lab2;
} while (false);
this.cursor = this.limit - v_2;
lab4: do {
if (!this.r_mark_yDU$esjava$0()) {
break lab4;
}
break lab2;
} while (false);
this.cursor = this.limit - v_2;
lab5: do {
if (!this.r_mark_ysA$esjava$0()) {
break lab5;
}
break lab2;
} while (false);
this.cursor = this.limit - v_2;
if (!this.r_mark_yken$esjava$0()) {
break lab1;
}
} while (false);
break lab0;
} while (false);
this.cursor = this.limit - v_1;
lab6: do {
if (!this.r_mark_cAsInA$esjava$0()) {
break lab6;
}
lab7: do {
v_3 = this.limit - this.cursor;
lab8: do {
if (!this.r_mark_sUnUz$esjava$0()) {
break lab8;
}
break lab7;
} while (false);
this.cursor = this.limit - v_3;
lab9: do {
if (!this.r_mark_lAr$esjava$0()) {
break lab9;
}
break lab7;
} while (false);
this.cursor = this.limit - v_3;
lab10: do {
if (!this.r_mark_yUm$esjava$0()) {
break lab10;
}
break lab7;
} while (false);
this.cursor = this.limit - v_3;
lab11: do {
if (!this.r_mark_sUn$esjava$0()) {
break lab11;
}
break lab7;
} while (false);
this.cursor = this.limit - v_3;
lab12: do {
if (!this.r_mark_yUz$esjava$0()) {
break lab12;
}
break lab7;
} while (false);
this.cursor = this.limit - v_3;
} while (false);
if (!this.r_mark_ymUs_$esjava$0()) {
break lab6;
}
break lab0;
} while (false);
this.cursor = this.limit - v_1;
lab13: do {
if (!this.r_mark_lAr$esjava$0()) {
break lab13;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
v_4 = this.limit - this.cursor;
lab14: do {
this.ket = this.cursor;
lab15: do {
v_5 = this.limit - this.cursor;
lab16: do {
if (!this.r_mark_DUr$esjava$0()) {
break lab16;
}
break lab15;
} while (false);
this.cursor = this.limit - v_5;
lab17: do {
if (!this.r_mark_yDU$esjava$0()) {
break lab17;
}
break lab15;
} while (false);
this.cursor = this.limit - v_5;
lab18: do {
if (!this.r_mark_ysA$esjava$0()) {
break lab18;
}
break lab15;
} while (false);
this.cursor = this.limit - v_5;
if (!this.r_mark_ymUs_$esjava$0()) {
this.cursor = this.limit - v_4;
break lab14;
}
} while (false);
} while (false);
this.B_continue_stemming_noun_suffixes = false;
break lab0;
} while (false);
this.cursor = this.limit - v_1;
lab19: do {
if (!this.r_mark_nUz$esjava$0()) {
break lab19;
}
lab20: do {
v_6 = this.limit - this.cursor;
lab21: do {
if (!this.r_mark_yDU$esjava$0()) {
break lab21;
}
break lab20;
} while (false);
this.cursor = this.limit - v_6;
if (!this.r_mark_ysA$esjava$0()) {
break lab19;
}
} while (false);
break lab0;
} while (false);
this.cursor = this.limit - v_1;
lab22: do {
lab23: do {
v_7 = this.limit - this.cursor;
lab24: do {
if (!this.r_mark_sUnUz$esjava$0()) {
break lab24;
}
break lab23;
} while (false);
this.cursor = this.limit - v_7;
lab25: do {
if (!this.r_mark_yUz$esjava$0()) {
break lab25;
}
break lab23;
} while (false);
this.cursor = this.limit - v_7;
lab26: do {
if (!this.r_mark_sUn$esjava$0()) {
break lab26;
}
break lab23;
} while (false);
this.cursor = this.limit - v_7;
if (!this.r_mark_yUm$esjava$0()) {
break lab22;
}
} while (false);
this.bra = this.cursor;
this.slice_del$esjava$0();
v_8 = this.limit - this.cursor;
lab27: do {
this.ket = this.cursor;
if (!this.r_mark_ymUs_$esjava$0()) {
this.cursor = this.limit - v_8;
break lab27;
}
} while (false);
break lab0;
} while (false);
this.cursor = this.limit - v_1;
if (!this.r_mark_DUr$esjava$0()) {
return false;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
v_9 = this.limit - this.cursor;
lab28: do {
this.ket = this.cursor;
lab29: do {
v_10 = this.limit - this.cursor;
lab30: do {
if (!this.r_mark_sUnUz$esjava$0()) {
break lab30;
}
break lab29;
} while (false);
this.cursor = this.limit - v_10;
lab31: do {
if (!this.r_mark_lAr$esjava$0()) {
break lab31;
}
break lab29;
} while (false);
this.cursor = this.limit - v_10;
lab32: do {
if (!this.r_mark_yUm$esjava$0()) {
break lab32;
}
break lab29;
} while (false);
this.cursor = this.limit - v_10;
lab33: do {
if (!this.r_mark_sUn$esjava$0()) {
break lab33;
}
break lab29;
} while (false);
this.cursor = this.limit - v_10;
lab34: do {
if (!this.r_mark_yUz$esjava$0()) {
break lab34;
}
break lab29;
} while (false);
this.cursor = this.limit - v_10;
} while (false);
if (!this.r_mark_ymUs_$esjava$0()) {
this.cursor = this.limit - v_9;
break lab28;
}
} while (false);
} while (false);
this.bra = this.cursor;
this.slice_del$esjava$0();
return true;
}
}, {
key: 'r_stem_suffix_chain_before_ki$esjava$0',
value: function r_stem_suffix_chain_before_ki$esjava$0() {
var v_1 = undefined;
var v_2 = undefined;
var v_3 = undefined;
var v_4 = undefined;
var v_5 = undefined;
var v_6 = undefined;
var v_7 = undefined;
var v_8 = undefined;
var v_9 = undefined;
var v_10 = undefined;
var v_11 = undefined;
this.ket = this.cursor;
if (!this.r_mark_ki$esjava$0()) {
return false;
}
lab0: do {
v_1 = this.limit - this.cursor;
lab1: do {
if (!this.r_mark_DA$esjava$0()) {
break lab1;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
v_2 = this.limit - this.cursor;
lab2: do {
this.ket = this.cursor;
lab3: do {
v_3 = this.limit - this.cursor;
lab4: do {
if (!this.r_mark_lAr$esjava$0()) {
break lab4;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
v_4 = this.limit - this.cursor;
lab5: do {
if (!this.r_stem_suffix_chain_before_ki$esjava$0()) {
this.cursor = this.limit - v_4;
break lab5;
}
} while (false);
break lab3;
} while (false);
this.cursor = this.limit - v_3;
if (!this.r_mark_possessives$esjava$0()) {
this.cursor = this.limit - v_2;
break lab2;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
v_5 = this.limit - this.cursor;
lab6: do {
this.ket = this.cursor;
if (!this.r_mark_lAr$esjava$0()) {
this.cursor = this.limit - v_5;
break lab6;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
if (!this.r_stem_suffix_chain_before_ki$esjava$0()) {
this.cursor = this.limit - v_5;
break lab6;
}
} while (false);
} while (false);
} while (false);
break lab0;
} while (false);
this.cursor = this.limit - v_1;
lab7: do {
if (!this.r_mark_nUn$esjava$0()) {
break lab7;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
v_6 = this.limit - this.cursor;
lab8: do {
this.ket = this.cursor;
lab9: do {
v_7 = this.limit - this.cursor;
lab10: do {
if (!this.r_mark_lArI$esjava$0()) {
break lab10;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
break lab9;
} while (false);
this.cursor = this.limit - v_7;
lab11: do {
this.ket = this.cursor;
lab12: do {
v_8 = this.limit - this.cursor;
lab13: do {
if (!this.r_mark_possessives$esjava$0()) {
break lab13;
}
break lab12;
} while (false);
this.cursor = this.limit - v_8;
if (!this.r_mark_sU$esjava$0()) {
break lab11;
}
} while (false);
this.bra = this.cursor;
this.slice_del$esjava$0();
v_9 = this.limit - this.cursor;
lab14: do {
this.ket = this.cursor;
if (!this.r_mark_lAr$esjava$0()) {
this.cursor = this.limit - v_9;
break lab14;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
if (!this.r_stem_suffix_chain_before_ki$esjava$0()) {
this.cursor = this.limit - v_9;
break lab14;
}
} while (false);
break lab9;
} while (false);
this.cursor = this.limit - v_7;
if (!this.r_stem_suffix_chain_before_ki$esjava$0()) {
this.cursor = this.limit - v_6;
break lab8;
}
} while (false);
} while (false);
break lab0;
} while (false);
this.cursor = this.limit - v_1;
if (!this.r_mark_ndA$esjava$0()) {
return false;
}
lab15: do {
v_10 = this.limit - this.cursor;
lab16: do {
if (!this.r_mark_lArI$esjava$0()) {
break lab16;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
break lab15;
} while (false);
this.cursor = this.limit - v_10;
lab17: do {
if (!this.r_mark_sU$esjava$0()) {
break lab17;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
v_11 = this.limit - this.cursor;
lab18: do {
this.ket = this.cursor;
if (!this.r_mark_lAr$esjava$0()) {
this.cursor = this.limit - v_11;
break lab18;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
if (!this.r_stem_suffix_chain_before_ki$esjava$0()) {
this.cursor = this.limit - v_11;
break lab18;
}
} while (false);
break lab15;
} while (false);
this.cursor = this.limit - v_10;
if (!this.r_stem_suffix_chain_before_ki$esjava$0()) {
return false;
}
} while (false);
} while (false);
return true;
}
}, {
key: 'r_stem_noun_suffixes$esjava$0',
value: function r_stem_noun_suffixes$esjava$0() {
var v_1 = undefined;
var v_2 = undefined;
var v_3 = undefined;
var v_4 = undefined;
var v_5 = undefined;
var v_6 = undefined;
var v_7 = undefined;
var v_8 = undefined;
var v_9 = undefined;
var v_10 = undefined;
var v_11 = undefined;
var v_12 = undefined;
var v_13 = undefined;
var v_14 = undefined;
var v_15 = undefined;
var v_16 = undefined;
var v_17 = undefined;
var v_18 = undefined;
var v_19 = undefined;
var v_20 = undefined;
var v_21 = undefined;
var v_22 = undefined;
var v_23 = undefined;
var v_24 = undefined;
var v_25 = undefined;
var v_26 = undefined;
var v_27 = undefined;
lab0: do {
v_1 = this.limit - this.cursor;
lab1: do {
this.ket = this.cursor;
if (!this.r_mark_lAr$esjava$0()) {
break lab1;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
v_2 = this.limit - this.cursor;
lab2: do {
if (!this.r_stem_suffix_chain_before_ki$esjava$0()) {
this.cursor = this.limit - v_2;
break lab2;
}
} while (false);
break lab0;
} while (false);
this.cursor = this.limit - v_1;
lab3: do {
this.ket = this.cursor;
if (!this.r_mark_ncA$esjava$0()) {
break lab3;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
v_3 = this.limit - this.cursor;
lab4: do {
lab5: do {
v_4 = this.limit - this.cursor;
lab6: do {
this.ket = this.cursor;
if (!this.r_mark_lArI$esjava$0()) {
break lab6;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
break lab5;
} while (false);
this.cursor = this.limit - v_4;
lab7: do {
this.ket = this.cursor;
lab8: do {
v_5 = this.limit - this.cursor;
lab9: do {
if (!this.r_mark_possessives$esjava$0()) {
break lab9;
}
break lab8;
} while (false);
this.cursor = this.limit - v_5;
if (!this.r_mark_sU$esjava$0()) {
break lab7;
}
} while (false);
this.bra = this.cursor;
this.slice_del$esjava$0();
v_6 = this.limit - this.cursor;
lab10: do {
this.ket = this.cursor;
if (!this.r_mark_lAr$esjava$0()) {
this.cursor = this.limit - v_6;
break lab10;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
if (!this.r_stem_suffix_chain_before_ki$esjava$0()) {
this.cursor = this.limit - v_6;
break lab10;
}
} while (false);
break lab5;
} while (false);
this.cursor = this.limit - v_4;
this.ket = this.cursor;
if (!this.r_mark_lAr$esjava$0()) {
this.cursor = this.limit - v_3;
break lab4;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
if (!this.r_stem_suffix_chain_before_ki$esjava$0()) {
this.cursor = this.limit - v_3;
break lab4;
}
} while (false);
} while (false);
break lab0;
} while (false);
this.cursor = this.limit - v_1;
lab11: do {
this.ket = this.cursor;
lab12: do {
v_7 = this.limit - this.cursor;
lab13: do {
if (!this.r_mark_ndA$esjava$0()) {
break lab13;
}
break lab12;
} while (false);
this.cursor = this.limit - v_7;
if (!this.r_mark_nA$esjava$0()) {
break lab11;
}
} while (false);
lab14: do {
v_8 = this.limit - this.cursor;
lab15: do {
if (!this.r_mark_lArI$esjava$0()) {
break lab15;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
break lab14;
} while (false);
this.cursor = this.limit - v_8;
lab16: do {
if (!this.r_mark_sU$esjava$0()) {
break lab16;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
v_9 = this.limit - this.cursor;
lab17: do {
this.ket = this.cursor;
if (!this.r_mark_lAr$esjava$0()) {
this.cursor = this.limit - v_9;
break lab17;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
if (!this.r_stem_suffix_chain_before_ki$esjava$0()) {
this.cursor = this.limit - v_9;
break lab17;
}
} while (false);
break lab14;
} while (false);
this.cursor = this.limit - v_8;
if (!this.r_stem_suffix_chain_before_ki$esjava$0()) {
break lab11;
}
} while (false);
break lab0;
} while (false);
this.cursor = this.limit - v_1;
lab18: do {
this.ket = this.cursor;
lab19: do {
v_10 = this.limit - this.cursor;
lab20: do {
if (!this.r_mark_ndAn$esjava$0()) {
break lab20;
}
break lab19;
} while (false);
this.cursor = this.limit - v_10;
if (!this.r_mark_nU$esjava$0()) {
break lab18;
}
} while (false);
lab21: do {
v_11 = this.limit - this.cursor;
lab22: do {
if (!this.r_mark_sU$esjava$0()) {
break lab22;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
v_12 = this.limit - this.cursor;
lab23: do {
this.ket = this.cursor;
if (!this.r_mark_lAr$esjava$0()) {
this.cursor = this.limit - v_12;
break lab23;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
if (!this.r_stem_suffix_chain_before_ki$esjava$0()) {
this.cursor = this.limit - v_12;
break lab23;
}
} while (false);
break lab21;
} while (false);
this.cursor = this.limit - v_11;
if (!this.r_mark_lArI$esjava$0()) {
break lab18;
}
} while (false);
break lab0;
} while (false);
this.cursor = this.limit - v_1;
lab24: do {
this.ket = this.cursor;
if (!this.r_mark_DAn$esjava$0()) {
break lab24;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
v_13 = this.limit - this.cursor;
lab25: do {
this.ket = this.cursor;
lab26: do {
v_14 = this.limit - this.cursor;
lab27: do {
if (!this.r_mark_possessives$esjava$0()) {
break lab27;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
v_15 = this.limit - this.cursor;
lab28: do {
this.ket = this.cursor;
if (!this.r_mark_lAr$esjava$0()) {
this.cursor = this.limit - v_15;
break lab28;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
if (!this.r_stem_suffix_chain_before_ki$esjava$0()) {
this.cursor = this.limit - v_15;
break lab28;
}
} while (false);
break lab26;
} while (false);
this.cursor = this.limit - v_14;
lab29: do {
if (!this.r_mark_lAr$esjava$0()) {
break lab29;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
v_16 = this.limit - this.cursor;
lab30: do {
if (!this.r_stem_suffix_chain_before_ki$esjava$0()) {
this.cursor = this.limit - v_16;
break lab30;
}
} while (false);
break lab26;
} while (false);
this.cursor = this.limit - v_14;
if (!this.r_stem_suffix_chain_before_ki$esjava$0()) {
this.cursor = this.limit - v_13;
break lab25;
}
} while (false);
} while (false);
break lab0;
} while (false);
this.cursor = this.limit - v_1;
lab31: do {
this.ket = this.cursor;
lab32: do {
v_17 = this.limit - this.cursor;
lab33: do {
if (!this.r_mark_nUn$esjava$0()) {
break lab33;
}
break lab32;
} while (false);
this.cursor = this.limit - v_17;
if (!this.r_mark_ylA$esjava$0()) {
break lab31;
}
} while (false);
this.bra = this.cursor;
this.slice_del$esjava$0();
v_18 = this.limit - this.cursor;
lab34: do {
lab35: do {
v_19 = this.limit - this.cursor;
lab36: do {
this.ket = this.cursor;
if (!this.r_mark_lAr$esjava$0()) {
break lab36;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
if (!this.r_stem_suffix_chain_before_ki$esjava$0()) {
break lab36;
}
break lab35;
} while (false);
this.cursor = this.limit - v_19;
lab37: do {
this.ket = this.cursor;
lab38: do {
v_20 = this.limit - this.cursor;
lab39: do {
if (!this.r_mark_possessives$esjava$0()) {
break lab39;
}
break lab38;
} while (false);
this.cursor = this.limit - v_20;
if (!this.r_mark_sU$esjava$0()) {
break lab37;
}
} while (false);
this.bra = this.cursor;
this.slice_del$esjava$0();
v_21 = this.limit - this.cursor;
lab40: do {
this.ket = this.cursor;
if (!this.r_mark_lAr$esjava$0()) {
this.cursor = this.limit - v_21;
break lab40;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
if (!this.r_stem_suffix_chain_before_ki$esjava$0()) {
this.cursor = this.limit - v_21;
break lab40;
}
} while (false);
break lab35;
} while (false);
this.cursor = this.limit - v_19;
if (!this.r_stem_suffix_chain_before_ki$esjava$0()) {
this.cursor = this.limit - v_18;
break lab34;
}
} while (false);
} while (false);
break lab0;
} while (false);
this.cursor = this.limit - v_1;
lab41: do {
this.ket = this.cursor;
if (!this.r_mark_lArI$esjava$0()) {
break lab41;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
break lab0;
} while (false);
this.cursor = this.limit - v_1;
lab42: do {
if (!this.r_stem_suffix_chain_before_ki$esjava$0()) {
break lab42;
}
break lab0;
} while (false);
this.cursor = this.limit - v_1;
lab43: do {
this.ket = this.cursor;
lab44: do {
v_22 = this.limit - this.cursor;
lab45: do {
if (!this.r_mark_DA$esjava$0()) {
break lab45;
}
break lab44;
} while (false);
this.cursor = this.limit - v_22;
lab46: do {
if (!this.r_mark_yU$esjava$0()) {
break lab46;
}
break lab44;
} while (false);
this.cursor = this.limit - v_22;
if (!this.r_mark_yA$esjava$0()) {
break lab43;
}
} while (false);
this.bra = this.cursor;
this.slice_del$esjava$0();
v_23 = this.limit - this.cursor;
lab47: do {
this.ket = this.cursor;
lab48: do {
v_24 = this.limit - this.cursor;
lab49: do {
if (!this.r_mark_possessives$esjava$0()) {
break lab49;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
v_25 = this.limit - this.cursor;
lab50: do {
this.ket = this.cursor;
if (!this.r_mark_lAr$esjava$0()) {
this.cursor = this.limit - v_25;
break lab50;
}
} while (false);
break lab48;
} while (false);
this.cursor = this.limit - v_24;
if (!this.r_mark_lAr$esjava$0()) {
this.cursor = this.limit - v_23;
break lab47;
}
} while (false);
this.bra = this.cursor;
this.slice_del$esjava$0();
this.ket = this.cursor;
if (!this.r_stem_suffix_chain_before_ki$esjava$0()) {
this.cursor = this.limit - v_23;
break lab47;
}
} while (false);
break lab0;
} while (false);
this.cursor = this.limit - v_1;
this.ket = this.cursor;
lab51: do {
v_26 = this.limit - this.cursor;
lab52: do {
if (!this.r_mark_possessives$esjava$0()) {
break lab52;
}
break lab51;
} while (false);
this.cursor = this.limit - v_26;
if (!this.r_mark_sU$esjava$0()) {
return false;
}
} while (false);
this.bra = this.cursor;
this.slice_del$esjava$0();
v_27 = this.limit - this.cursor;
lab53: do {
this.ket = this.cursor;
if (!this.r_mark_lAr$esjava$0()) {
this.cursor = this.limit - v_27;
break lab53;
}
this.bra = this.cursor;
this.slice_del$esjava$0();
if (!this.r_stem_suffix_chain_before_ki$esjava$0()) {
this.cursor = this.limit - v_27;
break lab53;
}
} while (false);
} while (false);
return true;
}
}, {
key: 'r_post_process_last_consonants$esjava$0',
value: function r_post_process_last_consonants$esjava$0() {
var among_var = undefined;
this.ket = this.cursor;
among_var = this.find_among_b$esjava$1(turkishStemmer.a_23);
if (among_var === 0) {
return false;
}
this.bra = this.cursor;
switch (among_var) {
case 0:
return false;
case 1:
this.slice_from$esjava$1("p");
break;
case 2:
this.slice_from$esjava$1('\u00E7');
break;
case 3:
this.slice_from$esjava$1("t");
break;
case 4:
this.slice_from$esjava$1("k");
break;
}
return true;
}
}, {
key: 'r_append_U_to_stems_ending_with_d_or_g$esjava$0',
value: function r_append_U_to_stems_ending_with_d_or_g$esjava$0() {
var v_1 = undefined;
var v_2 = undefined;
var v_3 = undefined;
var v_4 = undefined;
var v_5 = undefined;
var v_6 = undefined;
var v_7 = undefined;
var v_8 = undefined;
var v_9 = undefined;
var v_10 = undefined;
var v_11 = undefined;
var v_12 = undefined;
var v_13 = undefined;
var v_14 = undefined;
var v_15 = undefined;
v_1 = this.limit - this.cursor;
lab0: do {
v_2 = this.limit - this.cursor;
lab1: do {
if (!this.eq_s_b$esjava$1("d")) {
break lab1;
}
break lab0;
} while (false);
this.cursor = this.limit - v_2;
if (!this.eq_s_b$esjava$1("g")) {
return false;
}
} while (false);
this.cursor = this.limit - v_1;
lab2: do {
v_3 = this.limit - this.cursor;
lab3: do {
v_4 = this.limit - this.cursor;
golab4: while (true) {
v_5 = this.limit - this.cursor;
lab5: do {
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_vowel, 97, 305)) {
break lab5;
}
this.cursor = this.limit - v_5;
break golab4;
} while (false);
this.cursor = this.limit - v_5;
if (this.cursor <= this.limit_backward) {
break lab3;
}
this.cursor--;
}
lab6: do {
v_6 = this.limit - this.cursor;
lab7: do {
if (!this.eq_s_b$esjava$1("a")) {
break lab7;
}
break lab6;
} while (false);
this.cursor = this.limit - v_6;
if (!this.eq_s_b$esjava$1('\u0131')) {
break lab3;
}
} while (false);
this.cursor = this.limit - v_4;
{
var c = this.cursor;
this.insert$esjava$3(this.cursor, this.cursor, '\u0131');
this.cursor = c;
}
break lab2;
} while (false);
this.cursor = this.limit - v_3;
lab8: do {
v_7 = this.limit - this.cursor;
golab9: while (true) {
v_8 = this.limit - this.cursor;
lab10: do {
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_vowel, 97, 305)) {
break lab10;
}
this.cursor = this.limit - v_8;
break golab9;
} while (false);
this.cursor = this.limit - v_8;
if (this.cursor <= this.limit_backward) {
break lab8;
}
this.cursor--;
}
lab11: do {
v_9 = this.limit - this.cursor;
lab12: do {
if (!this.eq_s_b$esjava$1("e")) {
break lab12;
}
break lab11;
} while (false);
this.cursor = this.limit - v_9;
if (!this.eq_s_b$esjava$1("i")) {
break lab8;
}
} while (false);
this.cursor = this.limit - v_7;
{
var c = this.cursor;
this.insert$esjava$3(this.cursor, this.cursor, "i");
this.cursor = c;
}
break lab2;
} while (false);
this.cursor = this.limit - v_3;
lab13: do {
v_10 = this.limit - this.cursor;
golab14: while (true) {
v_11 = this.limit - this.cursor;
lab15: do {
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_vowel, 97, 305)) {
break lab15;
}
this.cursor = this.limit - v_11;
break golab14;
} while (false);
this.cursor = this.limit - v_11;
if (this.cursor <= this.limit_backward) {
break lab13;
}
this.cursor--;
}
lab16: do {
v_12 = this.limit - this.cursor;
lab17: do {
if (!this.eq_s_b$esjava$1("o")) {
break lab17;
}
break lab16;
} while (false);
this.cursor = this.limit - v_12;
if (!this.eq_s_b$esjava$1("u")) {
break lab13;
}
} while (false);
this.cursor = this.limit - v_10;
{
var c = this.cursor;
this.insert$esjava$3(this.cursor, this.cursor, "u");
this.cursor = c;
}
break lab2;
} while (false);
this.cursor = this.limit - v_3;
v_13 = this.limit - this.cursor;
golab18: while (true) {
v_14 = this.limit - this.cursor;
lab19: do {
if (!this.in_grouping_b$esjava$3(turkishStemmer.g_vowel, 97, 305)) {
break lab19;
}
this.cursor = this.limit - v_14;
break golab18;
} while (false);
this.cursor = this.limit - v_14;
if (this.cursor <= this.limit_backward) {
return false;
}
this.cursor--;
}
lab20: do {
v_15 = this.limit - this.cursor;
lab21: do {
if (!this.eq_s_b$esjava$1('\u00F6')) {
break lab21;
}
break lab20;
} while (false);
this.cursor = this.limit - v_15;
if (!this.eq_s_b$esjava$1('\u00FC')) {
return false;
}
} while (false);
this.cursor = this.limit - v_13;
{
var c = this.cursor;
this.insert$esjava$3(this.cursor, this.cursor, '\u00FC');
this.cursor = c;
}
} while (false);
return true;
}
}, {
key: 'r_more_than_one_syllable_word$esjava$0',
value: function r_more_than_one_syllable_word$esjava$0() {
var v_1 = undefined;
var v_3 = undefined;
v_1 = this.cursor;
{
var v_2 = 2;
replab0: while (true) {
v_3 = this.cursor;
lab1: do {
golab2: while (true) {
lab3: do {
if (!this.in_grouping$esjava$3(turkishStemmer.g_vowel, 97, 305)) {
break lab3;
}
break golab2;
} while (false);
if (this.cursor >= this.limit) {
break lab1;
}
this.cursor++;
}
v_2--;
continue replab0;
} while (false);
this.cursor = v_3;
break replab0;
}
if (v_2 > 0) {
return false;
}
}
this.cursor = v_1;
return true;
}
}, {
key: 'r_is_reserved_word$esjava$0',
value: function r_is_reserved_word$esjava$0() {
var v_1 = undefined;
var v_2 = undefined;
var v_4 = undefined;
lab0: do {
v_1 = this.cursor;
lab1: do {
v_2 = this.cursor;
golab2: while (true) {
lab3: do {
if (!this.eq_s$esjava$1("ad")) {
break lab3;
}
break golab2;
} while (false);
if (this.cursor >= this.limit) {
break lab1;
}
this.cursor++;
}
this.I_strlen = 2;
if (!(this.I_strlen === this.limit)) {
break lab1;
}
this.cursor = v_2;
break lab0;
} while (false);
this.cursor = v_1;
v_4 = this.cursor;
golab4: while (true) {
lab5: do {
if (!this.eq_s$esjava$1("soyad")) {
break lab5;
}
break golab4;
} while (false);
if (this.cursor >= this.limit) {
return false;
}
this.cursor++;
}
this.I_strlen = 5;
if (!(this.I_strlen === this.limit)) {
return false;
}
this.cursor = v_4;
} while (false);
return true;
}
}, {
key: 'r_postlude$esjava$0',
value: function r_postlude$esjava$0() {
var v_1 = undefined;
var v_2 = undefined;
var v_3 = undefined;
{
v_1 = this.cursor;
lab0: do {
if (!this.r_is_reserved_word$esjava$0()) {
break lab0;
}
return false;
} while (false);
this.cursor = v_1;
}
this.limit_backward = this.cursor;
this.cursor = this.limit;
v_2 = this.limit - this.cursor;
lab1: do {
if (!this.r_append_U_to_stems_ending_with_d_or_g$esjava$0()) {
break lab1;
}
} while (false);
this.cursor = this.limit - v_2;
v_3 = this.limit - this.cursor;
lab2: do {
if (!this.r_post_process_last_consonants$esjava$0()) {
break lab2;
}
} while (false);
this.cursor = this.limit - v_3;
this.cursor = this.limit_backward;
return true;
}
}, {
key: 'stem$esjava$0',
value: function stem$esjava$0() {
var v_1 = undefined;
var v_2 = undefined;
if (!this.r_more_than_one_syllable_word$esjava$0()) {
return false;
}
this.limit_backward = this.cursor;
this.cursor = this.limit;
v_1 = this.limit - this.cursor;
lab0: do {
if (!this.r_stem_nominal_verb_suffixes$esjava$0()) {
break lab0;
}
} while (false);
this.cursor = this.limit - v_1;
if (!this.B_continue_stemming_noun_suffixes) {
return false;
}
v_2 = this.limit - this.cursor;
lab1: do {
if (!this.r_stem_noun_suffixes$esjava$0()) {
break lab1;
}
} while (false);
this.cursor = this.limit - v_2;
this.cursor = this.limit_backward;
if (!this.r_postlude$esjava$0()) {
return false;
}
return true;
}
}, {
key: 'stem',
value: function stem() {
var _get50;
for (var _len49 = arguments.length, args = Array(_len49), _key49 = 0; _key49 < _len49; _key49++) {
args[_key49] = arguments[_key49];
}
switch (args.length) {
case 0:
return this.stem$esjava$0.apply(this, args);
}
return (_get50 = _get(Object.getPrototypeOf(turkishStemmer.prototype), 'stem', this)).call.apply(_get50, [this].concat(args));
}
}, {
key: 'B_continue_stemming_noun_suffixes',
get: function get() {
return Object.prototype.hasOwnProperty.call(this, '_$esjava$B_continue_stemming_noun_suffixes') ? this._$esjava$B_continue_stemming_noun_suffixes : this._$esjava$B_continue_stemming_noun_suffixes = false;
},
set: function set(v) {
this._$esjava$B_continue_stemming_noun_suffixes = v;
}
}, {
key: 'I_strlen',
get: function get() {
return Object.prototype.hasOwnProperty.call(this, '_$esjava$I_strlen') ? this._$esjava$I_strlen : this._$esjava$I_strlen = 0;
},
set: function set(v) {
this._$esjava$I_strlen = v;
}
}], [{
key: 'a_0',
get: function get() {
delete turkishStemmer.a_0;
return turkishStemmer.a_0 = [new Among("m", -1, -1), new Among("n", -1, -1), new Among("miz", -1, -1), new Among("niz", -1, -1), new Among("muz", -1, -1), new Among("nuz", -1, -1), new Among('m\u00FCz', -1, -1), new Among('n\u00FCz', -1, -1), new Among('m\u0131z', -1, -1), new Among('n\u0131z', -1, -1)];
}
}, {
key: 'a_1',
get: function get() {
delete turkishStemmer.a_1;
return turkishStemmer.a_1 = [new Among("leri", -1, -1), new Among('lar\u0131', -1, -1)];
}
}, {
key: 'a_2',
get: function get() {
delete turkishStemmer.a_2;
return turkishStemmer.a_2 = [new Among("ni", -1, -1), new Among("nu", -1, -1), new Among('n\u00FC', -1, -1), new Among('n\u0131', -1, -1)];
}
}, {
key: 'a_3',
get: function get() {
delete turkishStemmer.a_3;
return turkishStemmer.a_3 = [new Among("in", -1, -1), new Among("un", -1, -1), new Among('\u00FCn', -1, -1), new Among('\u0131n', -1, -1)];
}
}, {
key: 'a_4',
get: function get() {
delete turkishStemmer.a_4;
return turkishStemmer.a_4 = [new Among("a", -1, -1), new Among("e", -1, -1)];
}
}, {
key: 'a_5',
get: function get() {
delete turkishStemmer.a_5;
return turkishStemmer.a_5 = [new Among("na", -1, -1), new Among("ne", -1, -1)];
}
}, {
key: 'a_6',
get: function get() {
delete turkishStemmer.a_6;
return turkishStemmer.a_6 = [new Among("da", -1, -1), new Among("ta", -1, -1), new Among("de", -1, -1), new Among("te", -1, -1)];
}
}, {
key: 'a_7',
get: function get() {
delete turkishStemmer.a_7;
return turkishStemmer.a_7 = [new Among("nda", -1, -1), new Among("nde", -1, -1)];
}
}, {
key: 'a_8',
get: function get() {
delete turkishStemmer.a_8;
return turkishStemmer.a_8 = [new Among("dan", -1, -1), new Among("tan", -1, -1), new Among("den", -1, -1), new Among("ten", -1, -1)];
}
}, {
key: 'a_9',
get: function get() {
delete turkishStemmer.a_9;
return turkishStemmer.a_9 = [new Among("ndan", -1, -1), new Among("nden", -1, -1)];
}
}, {
key: 'a_10',
get: function get() {
delete turkishStemmer.a_10;
return turkishStemmer.a_10 = [new Among("la", -1, -1), new Among("le", -1, -1)];
}
}, {
key: 'a_11',
get: function get() {
delete turkishStemmer.a_11;
return turkishStemmer.a_11 = [new Among("ca", -1, -1), new Among("ce", -1, -1)];
}
}, {
key: 'a_12',
get: function get() {
delete turkishStemmer.a_12;
return turkishStemmer.a_12 = [new Among("im", -1, -1), new Among("um", -1, -1), new Among('\u00FCm', -1, -1), new Among('\u0131m', -1, -1)];
}
}, {
key: 'a_13',
get: function get() {
delete turkishStemmer.a_13;
return turkishStemmer.a_13 = [new Among("sin", -1, -1), new Among("sun", -1, -1), new Among('s\u00FCn', -1, -1), new Among('s\u0131n', -1, -1)];
}
}, {
key: 'a_14',
get: function get() {
delete turkishStemmer.a_14;
return turkishStemmer.a_14 = [new Among("iz", -1, -1), new Among("uz", -1, -1), new Among('\u00FCz', -1, -1), new Among('\u0131z', -1, -1)];
}
}, {
key: 'a_15',
get: function get() {
delete turkishStemmer.a_15;
return turkishStemmer.a_15 = [new Among("siniz", -1, -1), new Among("sunuz", -1, -1), new Among('s\u00FCn\u00FCz', -1, -1), new Among('s\u0131n\u0131z', -1, -1)];
}
}, {
key: 'a_16',
get: function get() {
delete turkishStemmer.a_16;
return turkishStemmer.a_16 = [new Among("lar", -1, -1), new Among("ler", -1, -1)];
}
}, {
key: 'a_17',
get: function get() {
delete turkishStemmer.a_17;
return turkishStemmer.a_17 = [new Among("niz", -1, -1), new Among("nuz", -1, -1), new Among('n\u00FCz', -1, -1), new Among('n\u0131z', -1, -1)];
}
}, {
key: 'a_18',
get: function get() {
delete turkishStemmer.a_18;
return turkishStemmer.a_18 = [new Among("dir", -1, -1), new Among("tir", -1, -1), new Among("dur", -1, -1), new Among("tur", -1, -1), new Among('d\u00FCr', -1, -1), new Among('t\u00FCr', -1, -1), new Among('d\u0131r', -1, -1), new Among('t\u0131r', -1, -1)];
}
}, {
key: 'a_19',
get: function get() {
delete turkishStemmer.a_19;
return turkishStemmer.a_19 = [new Among('cas\u0131na', -1, -1), new Among("cesine", -1, -1)];
}
}, {
key: 'a_20',
get: function get() {
delete turkishStemmer.a_20;
return turkishStemmer.a_20 = [new Among("di", -1, -1), new Among("ti", -1, -1), new Among("dik", -1, -1), new Among("tik", -1, -1), new Among("duk", -1, -1), new Among("tuk", -1, -1), new Among('d\u00FCk', -1, -1), new Among('t\u00FCk', -1, -1), new Among('d\u0131k', -1, -1), new Among('t\u0131k', -1, -1), new Among("dim", -1, -1), new Among("tim", -1, -1), new Among("dum", -1, -1), new Among("tum", -1, -1), new Among('d\u00FCm', -1, -1), new Among('t\u00FCm', -1, -1), new Among('d\u0131m', -1, -1), new Among('t\u0131m', -1, -1), new Among("din", -1, -1), new Among("tin", -1, -1), new Among("dun", -1, -1), new Among("tun", -1, -1), new Among('d\u00FCn', -1, -1), new Among('t\u00FCn', -1, -1), new Among('d\u0131n', -1, -1), new Among('t\u0131n', -1, -1), new Among("du", -1, -1), new Among("tu", -1, -1), new Among('d\u00FC', -1, -1), new Among('t\u00FC', -1, -1), new Among('d\u0131', -1, -1), new Among('t\u0131', -1, -1)];
}
}, {
key: 'a_21',
get: function get() {
delete turkishStemmer.a_21;
return turkishStemmer.a_21 = [new Among("sa", -1, -1), new Among("se", -1, -1), new Among("sak", -1, -1), new Among("sek", -1, -1), new Among("sam", -1, -1), new Among("sem", -1, -1), new Among("san", -1, -1), new Among("sen", -1, -1)];
}
}, {
key: 'a_22',
get: function get() {
delete turkishStemmer.a_22;
return turkishStemmer.a_22 = [new Among('mi\u015F', -1, -1), new Among('mu\u015F', -1, -1), new Among('m\u00FC\u015F', -1, -1), new Among('m\u0131\u015F', -1, -1)];
}
}, {
key: 'a_23',
get: function get() {
delete turkishStemmer.a_23;
return turkishStemmer.a_23 = [new Among("b", -1, 1), new Among("c", -1, 2), new Among("d", -1, 3), new Among('\u011F', -1, 4)];
}
}, {
key: 'g_vowel',
get: function get() {
delete turkishStemmer.g_vowel;
return turkishStemmer.g_vowel = [17, 65, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 32, 8, 0, 0, 0, 0, 0, 0, 1];
}
}, {
key: 'g_U',
get: function get() {
delete turkishStemmer.g_U;
return turkishStemmer.g_U = [1, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 1];
}
}, {
key: 'g_vowel1',
get: function get() {
delete turkishStemmer.g_vowel1;
return turkishStemmer.g_vowel1 = [1, 64, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
}
}, {
key: 'g_vowel2',
get: function get() {
delete turkishStemmer.g_vowel2;
return turkishStemmer.g_vowel2 = [17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 130];
}
}, {
key: 'g_vowel3',
get: function get() {
delete turkishStemmer.g_vowel3;
return turkishStemmer.g_vowel3 = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
}
}, {
key: 'g_vowel4',
get: function get() {
delete turkishStemmer.g_vowel4;
return turkishStemmer.g_vowel4 = [17];
}
}, {
key: 'g_vowel5',
get: function get() {
delete turkishStemmer.g_vowel5;
return turkishStemmer.g_vowel5 = [65];
}
}, {
key: 'g_vowel6',
get: function get() {
delete turkishStemmer.g_vowel6;
return turkishStemmer.g_vowel6 = [65];
}
}]);
return turkishStemmer;
}(SnowballStemmer);
