/**
 * The bundle kept between runs: reused only while every file it was built from
 * is unchanged (its digest), rebuilt otherwise, and never trusted when unreadable.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { bundleJwtAuthorizer } from "../../../components/lambda";

interface Kept {
    code: string;
    inputs: string[];
    digest: string;
}

describe("JWT authorizer bundle cache", function () {
    this.timeout(60_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bundle-cache-"));
    const file = (name: string) => path.join(dir, name, "bundle.json");
    let built: Kept;

    before(() => {
        bundleJwtAuthorizer(file("first"));
        built = JSON.parse(fs.readFileSync(file("first"), "utf8")) as Kept;
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("keeps what it built, with the files esbuild read and their digest", () => {
        assert.ok(built.code.includes("exports") || built.code.includes("module.exports"), "a CommonJS bundle");
        assert.ok(built.inputs.includes("components/lambda/jwt-authorizer/handler.ts"), built.inputs.join(", "));
        assert.match(built.digest, /^[0-9a-f]{64}$/);
    });

    it("reuses a kept bundle whose inputs are unchanged, without bundling again", () => {
        const kept = file("reused");
        fs.mkdirSync(path.dirname(kept), { recursive: true });
        fs.writeFileSync(kept, JSON.stringify({ ...built, code: "/* kept */" }));
        assert.strictEqual(bundleJwtAuthorizer(kept).code, "/* kept */");
    });

    it("bundles again when an input changed since (its digest no longer matches), and keeps the new one", () => {
        const stale = file("stale");
        fs.mkdirSync(path.dirname(stale), { recursive: true });
        fs.writeFileSync(stale, JSON.stringify({ ...built, code: "/* stale */", digest: "0".repeat(64) }));
        const bundle = bundleJwtAuthorizer(stale);
        assert.strictEqual(bundle.code, built.code);
        assert.strictEqual((JSON.parse(fs.readFileSync(stale, "utf8")) as Kept).digest, built.digest);
    });

    it("bundles again when a listed input is gone or the file is not a bundle", () => {
        const missing = file("missing");
        fs.mkdirSync(path.dirname(missing), { recursive: true });
        fs.writeFileSync(missing, JSON.stringify({ ...built, code: "/* old */", inputs: [...built.inputs, "components/lambda/jwt-authorizer/gone.ts"] }));
        assert.strictEqual(bundleJwtAuthorizer(missing).code, built.code);
        const garbage = file("garbage");
        fs.mkdirSync(path.dirname(garbage), { recursive: true });
        fs.writeFileSync(garbage, "{ not json");
        assert.strictEqual(bundleJwtAuthorizer(garbage).code, built.code);
    });

    it("never reuses a kept file whose code is not a string, even with a matching digest", () => {
        const notCode = file("not-code");
        fs.mkdirSync(path.dirname(notCode), { recursive: true });
        fs.writeFileSync(notCode, JSON.stringify({ ...built, code: 5 }));
        assert.strictEqual(bundleJwtAuthorizer(notCode).code, built.code);
    });

    it("never reuses a kept file without a digest, even when an input it lists cannot be read (both would digest to nothing)", () => {
        const undigested = file("undigested");
        fs.mkdirSync(path.dirname(undigested), { recursive: true });
        fs.writeFileSync(undigested, JSON.stringify({ code: "/* forged */", inputs: ["components/lambda/jwt-authorizer/gone.ts"] }));
        assert.strictEqual(bundleJwtAuthorizer(undigested).code, built.code);
    });
});
