/** Loading a Pulumi program's entry module so that each run executes it afresh. */
import * as path from "path";

/**
 * Requires the program's entry and returns what it exports (calling an exported
 * function, as Pulumi does). The program's own modules (outside node_modules)
 * are dropped from the require cache first, so a second run in the same process
 * (preview, then update) registers its resources again instead of returning the
 * first run's exports.
 */
export async function loadProgram(entry: string): Promise<unknown> {
    const dir = path.dirname(require.resolve(entry));
    for (const file of Object.keys(require.cache)) {
        if (file.startsWith(dir + path.sep) && !file.includes(`${path.sep}node_modules${path.sep}`)) {
            delete require.cache[file];
        }
    }
    const mod: unknown = require(entry);
    const main =
        mod !== null && typeof mod === "object" && "default" in mod && typeof (mod as { default: unknown }).default === "function"
            ? (mod as { default: () => unknown }).default
            : mod;
    return typeof main === "function" ? await (main as () => unknown)() : main;
}
