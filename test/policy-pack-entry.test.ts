/**
 * The CLI entry point of the pack: constructing the PolicyPack starts the
 * analyzer's gRPC server, which prints its port and keeps running. Loading it
 * in a child process proves the pack is valid for `pulumi preview --policy-pack`.
 */
import * as assert from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { CONFIG_KEYS } from "../stacks/config";
import { policies } from "../policy-pack/rules";
import { ROOT } from "./harness";

describe("policy pack entry point and docs", function () {
    this.timeout(60_000);

    it("loads with @pulumi/policy and serves the analyzer (prints its port)", async () => {
        const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(ROOT, "policy-pack", "index.ts")], { cwd: ROOT });
        let stderr = "";
        child.stderr.on("data", (d) => (stderr += d));
        try {
            const port = await new Promise<number>((resolve, reject) => {
                let out = "";
                child.stdout.on("data", (d) => {
                    out += d;
                    const match = /^(\d+)\s*$/m.exec(out);
                    if (match) {
                        resolve(Number(match[1]));
                    }
                });
                child.on("exit", (code) => reject(new Error(`the pack exited with ${code} before serving: ${stderr}`)));
            });
            assert.ok(port > 0 && port < 65536);
        } finally {
            child.kill();
        }
    });

    it("PulumiPolicy.yaml declares a nodejs pack", () => {
        assert.match(fs.readFileSync(path.join(ROOT, "policy-pack", "PulumiPolicy.yaml"), "utf8"), /^runtime: nodejs$/m);
    });

    it("the README documents every rule with its level, and every stack config key", () => {
        const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
        for (const p of policies) {
            assert.match(readme, new RegExp(`\\| \`${p.name}\` \\| ${p.enforcementLevel} \\|`), `README rule table lacks ${p.name} (${p.enforcementLevel})`);
        }
        for (const key of Object.keys(CONFIG_KEYS)) {
            assert.match(readme, new RegExp(`^\\| \`${key}\` \\|`, "m"), `README config table lacks ${key}`);
        }
    });
});
