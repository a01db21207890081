/**
 * Pins loadProgram in-process on temporary programs: what it returns for each shape of entry module
 * (a function is called and awaited, a default-exported function too, anything else is returned as is),
 * and that each load runs the program's own modules afresh while its node_modules and other
 * directories stay cached.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadProgram } from "../../policy-pack/gate/program";

const LOADS = "__gateProgramLiteralLoads";
const globals = globalThis as unknown as Record<string, Record<string, number> | undefined>;
const count = (name: string) => `globalThis.${LOADS}.${name} = (globalThis.${LOADS}.${name} ?? 0) + 1;`;

let base: string;
const at = (...parts: string[]) => path.join(base, ...parts);

describe("gate: program (literal)", () => {
    before(() => {
        base = fs.mkdtempSync(path.join(os.tmpdir(), "gate-program-literal-"));
        const files: Record<string, string> = {
            "app/index.js": `${count("app")} const dep = require("dep"); require("./lib/util"); module.exports = async () => ({ ...globalThis.${LOADS}, dep: dep.n });`,
            "app/lib/util.js": count("util"),
            "app/node_modules/dep/index.js": `${count("dep")} exports.n = 1;`,
            "app2/index.js": `${count("app2")} module.exports = "sibling";`,
            "fn-default/index.js": 'exports.default = async () => "from default"; exports.other = 1;',
            "not-fn-default/index.js": "module.exports = { default: 5, x: 1 };",
            "fn-with-default/index.js": 'const f = () => "the function"; f.default = () => "its default"; module.exports = f;',
            "plain/index.js": "module.exports = { a: 1 };",
            "null/index.js": "module.exports = null;",
            "value/index.js": "module.exports = 42;",
        };
        for (const [rel, content] of Object.entries(files)) {
            fs.mkdirSync(path.dirname(at(rel)), { recursive: true });
            fs.writeFileSync(at(rel), content);
        }
    });
    beforeEach(() => {
        globals[LOADS] = {};
    });
    after(() => {
        delete globals[LOADS];
        for (const file of Object.keys(require.cache).filter((f) => f.startsWith(base + path.sep))) {
            delete require.cache[file];
        }
        fs.rmSync(base, { recursive: true, force: true });
    });

    it("calls an exported function, or a default-exported one, and returns what it resolves to", async () => {
        assert.strictEqual(await loadProgram(at("fn-default")), "from default");
        assert.strictEqual(await loadProgram(at("fn-with-default", "index.js")), "the function");
    });

    it("returns any other export as it is", async () => {
        assert.deepStrictEqual(await loadProgram(at("not-fn-default")), { default: 5, x: 1 });
        assert.deepStrictEqual(await loadProgram(at("plain")), { a: 1 });
        assert.strictEqual(await loadProgram(at("null")), null);
        assert.strictEqual(await loadProgram(at("value")), 42);
    });

    it("runs the program's own modules again on each load, not its node_modules nor a sibling directory", async () => {
        assert.strictEqual(require(at("app2")), "sibling");
        assert.deepStrictEqual(await loadProgram(at("app")), { app2: 1, app: 1, dep: 1, util: 1 });
        assert.deepStrictEqual(await loadProgram(at("app")), { app2: 1, app: 2, dep: 1, util: 2 });
        assert.strictEqual(require(at("app2")), "sibling");
        assert.strictEqual(globals[LOADS]!.app2, 1);
    });
});
