"""Language-core cases: operators, coercion, control flow, functions, async (compared with Node)."""

CASES: list[str] = [
    # numbers print like JavaScript
    "0.1 + 0.2", "1e21", "1e21 + ''", "String(1e-7)", "String(123456789012345680000)", "-0", "String(-0)",
    "[-0] + ''", "1/0", "-1/0", "0/0", "5 % 3", "-5 % 3", "5.5 % 2", "2 ** -1", "(-8) ** (1/3)",
    "0.000001 + ''", "1.5e-7 + ''", "100 + ''", "(255).toString(16)", "1 / 3 + ''", "2**53 + 1",
    # + and coercion
    "1 + '2'", "'3' - 1", "'3' * '4'", "true + 1", "null + 1", "undefined + 1", "[] + []", "[] + {}",
    "[1,2] + [3]", "({}) + 'x'", "'' + null", "+''", "+' 12 '", "+'0x1A'", "+'1e3'", "+'abc'", "+[]",
    "+[5]", "+[1,2]", "+true", "+null", "+undefined", "+'Infinity'", "+'-Infinity'", "+'  \\n'",
    # equality
    "null == undefined", "null === undefined", "0 == ''", "'0' == false", "NaN == NaN", "[1] == 1",
    "'1' == 1", "null == 0", "undefined == 0", "({}) == '[object Object]'", "'a' === 'a'", "0 === -0",
    # relational
    "'a' < 'b'", "'B' < 'a'", "'10' < '9'", "10 < 9", "'10' < 9", "null < 1", "undefined < 1", "NaN < 1",
    "'\\u{1F600}' < '\\uFFFF'", "[2] > 1",
    # bitwise
    "5 & 3", "5 | 3", "5 ^ 3", "~5", "1 << 31", "-1 >>> 0", "-16 >> 2", "2**32 | 0", "1.9 | 0", "-1.9 | 0",
    "(2**31) >> 0", "~~'12.7'",
    # typeof / instanceof / in
    "typeof null", "typeof undefined", "typeof (() => 1)", "typeof []", "typeof 'x'", "typeof NaN",
    "typeof undeclaredThing", "[] instanceof Array", "({}) instanceof Object", "'x' instanceof String",
    "'a' in {a: 1}", "0 in [5]", "'length' in []",
    # truthiness and logical
    "!!''", "!!'0'", "!!0", "!!NaN", "!![]", "!!{}", "0 || 'x'", "1 && 'y'", "null ?? 'z'", "0 ?? 'z'",
    "'' || null || 0", "let a = 0; a ||= 5; a", "let b = 1; b &&= 7; b", "let c = null; c ??= 3; c",
    # strings in UTF-16
    "'\\u{1F600}'.length", "'\\u{1F600}'[0] === '\\uD83D'", "'héllo'.length", "[...'a\\u{1F600}b'].length",
    "'abc'[1]", "'abc'[5]", "'abc'.length",
    # template literals
    "`a${1}b${'c'}`", "`${[1,2]}`", "`${{}}`", "`${null} ${undefined}`", "`outer ${`inner ${1 + 1}`}`",
    # control flow and completion values
    "let s = 0; for (let i = 0; i < 5; i++) { if (i === 2) continue; s += i } s",
    "let out = []; for (const k in {b: 1, a: 2, 1: 3}) out.push(k); out",
    "let out = []; for (const x of [1, 2, 3]) { if (x === 2) break; out.push(x) } out",
    "let i = 0; do { i++ } while (i < 3); i",
    "switch ('b') { case 'a': 1; break; case 'b': 2; case 'c': 3; break; default: 4 }",
    "const x = 5; if (x > 3) { 'big' } else { 'small' }",
    "outer: for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) { if (j === 1) continue outer; if (i === 2) break outer; } } 'done'",
    "try { throw new Error('boom') } catch (e) { e.message } finally { 'ignored' }",
    "function f() { try { return 1 } finally { 'x' } } f()",
    "function g() { try { throw 1 } catch { return 'caught' } } g()",
    "try { undefinedFn() } catch (e) { e.name + ': ' + e.message }",
    "try { null.foo } catch (e) { e.message }", "try { undefined.bar.baz } catch (e) { e.message }",
    "try { const q = 1; q = 2 } catch (e) { e.message }",
    "try { (void 0)() } catch (e) { e instanceof TypeError }",
    "try { let o = {}; o.f() } catch (e) { e.message }",
    "try { throw 'plain' } catch (e) { typeof e }",
    "try { tdz; let tdz = 1 } catch (e) { e.message }",
    # functions and closures
    "function add(a, b = 10) { return a + b } add(1)", "((...r) => r.length)(1, 2, 3)",
    "function f() { return arguments.length } f(1, 2)",
    "const counter = (() => { let n = 0; return () => ++n })(); counter(); counter()",
    "const fs = []; for (let i = 0; i < 3; i++) fs.push(() => i); fs.map(f => f())",
    "const fs2 = []; for (var i = 0; i < 3; i++) fs2.push(() => i); fs2.map(f => f())",
    "function fact(n) { return n <= 1 ? 1 : n * fact(n - 1) } fact(10)",
    "const o = { n: 2, m() { return this.n * 2 } }; o.m()",
    "const o2 = { n: 3, m() { return [1].map(() => this.n) } }; o2.m()",
    "hoisted(); function hoisted() { return 'h' } hoisted()",
    "var v1 = 1; var v1 = 2; v1",
    "(function named() { return typeof named })()",
    "const fnName = function () {}; fnName.name", "const arrowName = () => {}; arrowName.name",
    "function Point(x) { this.x = x } new Point(4).x",
    # destructuring
    "const {a, b: {c = 5} = {}} = {a: 1}; [a, c]", "const [p, , q = 9, ...rest] = [1, 2, undefined, 4, 5]; [p, q, rest]",
    "const {x, ...others} = {x: 1, y: 2, z: 3}; others", "let m, n; [m, n] = [1, 2]; [m, n] = [n, m]; [m, n]",
    "function h({a = 1, b} = {}) { return [a, b] } h()", "const [[deep]] = [[7]]; deep",
    "try { const {z} = null } catch (e) { e.message }",
    "const {['k' + 1]: kv} = {k1: 'computed'}; kv",
    # objects and arrays
    "const k = 'dyn'; ({[k]: 1, [k + 2]: 2})", "({...{a: 1, b: 2}, b: 3})", "({2: 'b', 1: 'a', x: 'x'})",
    "[...[1, 2], ...'ab']", "const o3 = {a: 1}; delete o3.a; 'a' in o3", "[1, 2, 3].length = 1",
    "const arr = [1, 2, 3]; arr.length = 1; arr", "const arr2 = []; arr2[3] = 'x'; arr2.length",
    "({a: 1}).b", "({}).toString()", "const obj = {toString() { return 'T' }}; `${obj}`",
    "const v = {valueOf() { return 42 }}; v + 1",
    # update and assignment operators
    "let u = 1; u++ + ++u", "let w = 10; w -= 3; w *= 2; w /= 7; w %= 1.5; w", "let e = 2; e **= 3; e",
    "let sh = 1; sh <<= 4; sh >>= 1; sh", "let st = 'a'; st += 1; st", "const o4 = {n: 1}; o4.n++; o4.n",
    # comma, void, conditional
    "(1, 2, 3)", "void 0", "true ? 'y' : 'n'", "null?.x", "({a: null}).a?.b.c", "[1]?.[0]", "(null)?.()",
    "const fnull = null; fnull?.()", "({f: () => 5}).f?.()",
    # async and promises
    "async function aa() { return 1 } aa()", "async function ab() { const x = await 2; return x + 1 } ab()",
    "Promise.resolve(1).then(v => v + 1)", "Promise.all([1, Promise.resolve(2)])",
    "Promise.reject(new Error('no')).catch(e => e.message)",
    "async function ac() { try { await Promise.reject(new Error('bad')) } catch (e) { return 'caught ' + e.message } } ac()",
    "let log = []; Promise.resolve().then(() => log.push('a')); log.push('b'); Promise.resolve().then(() => log)",
    "let order = []; (async () => { order.push(1); await null; order.push(3) })(); order.push(2); Promise.resolve().then(() => order)",
    "Promise.allSettled([Promise.reject(1), 2]).then(r => r.map(x => x.status))",
    "Promise.race([new Promise(() => {}), Promise.resolve('fast')])",
    "(async () => { const [a, b] = await Promise.all([1, 2]); return a + b })()",
    "new Promise((res) => res(5)).then(v => { throw new Error('in then ' + v) }).catch(e => e.message)",
    "Promise.resolve(1).finally(() => 2)",
    # built-in prototypes as read-only views
    "Object.prototype.toString.call([])", "Object.prototype.toString.call(null)",
    "Array.prototype.slice.call([1, 2, 3], 1)", "(function () { return Array.prototype.slice.call(arguments) })(1, 2)",
    "Object.prototype.hasOwnProperty.call({a: 1}, 'a')", "Array.prototype.map === [].map",
    "String.raw`a\\n${1}`", "((s, ...v) => s.length + v.length)`x${1}y${2}z`",
    # classes
    "class A { constructor(x) { this.x = x } get double() { return this.x * 2 } inc() { this.x++; return this } static make() { return new A(5) } } const a = A.make().inc(); [a.x, a.double, a instanceof A, typeof A]",
    "class B { n = 1; #secret = 'p'; reveal() { return this.#secret + this.n } } new B().reveal()",
    "class P { constructor(n) { this.name = n } hello() { return 'hi ' + this.name } } class C extends P { constructor(n) { super(n.toUpperCase()); this.kind = 'c' } hello() { return super.hello() + '!' } } const c = new C('ann'); [c.hello(), c.kind, c instanceof P, c instanceof C, Object.keys(c)]",
    "class E { static count = 3; static inc() { return ++E.count } } E.inc()",
    "try { class F {}; F() } catch (e) { e.message }",
    "class G { x = 1; y = this.x + 1 } JSON.stringify(new G())",
    "class H { constructor() { this.v = 2 } } const h = new H(); ({...h})",
    "const K = class { m() { return 'anon' } }; new K().m()",
    "class L { set v(x) { this._v = x * 10 } get v() { return this._v } } const l = new L(); l.v = 3; l.v",
    "class M { constructor() { this.items = [1, 2] } render() { return this.items.map(i => i * 2) } } new M().render()",
    "class N extends Error { constructor(m) { super(m); this.name = 'NErr' } hint() { return 'h' } } const e = new N('boom'); [e.message, e.name, e.hint(), e instanceof N, e instanceof Error, String(e)]",
    "class O {} class Q extends O { constructor() { super(); this.a = 1 } } new Q().a",
    "class R { static s() { return 'S' } } class T extends R { static s() { return super.s() + 'T' } } T.s()",
    "class U { a = 1 } class W extends U { b = this.a + 1 } const w = new W(); [w.a, w.b]",
    "class Named {} Named.name", "class X2 { m() {} } typeof new X2().m",
    "class Counter { #n = 0; inc() { return ++this.#n } } const cc = new Counter(); cc.inc(); cc.inc()",
    "class Anim { speak() { return `${this.name} makes a sound` } constructor(n) { this.name = n } } class Dog extends Anim { speak() { return `${super.speak()} (woof)` } } new Dog('Rex').speak()",
    # regex literal basics
    "/a+/.test('caaat')", "'x-y-z'.split('-')",
    # Math / JSON through the interpreter
    "Math.max(1, 3, 2)", "JSON.stringify({a: [1, {b: 2}], c: 'x'})", "JSON.stringify({u: undefined, f() {}, n: null})",
]
