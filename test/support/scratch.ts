/** A suite's temporary folder: `create` in its `before`, `remove` in its `after`, `file` to write into it. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export class Scratch {
    private current: string | undefined;

    /** @param prefix the folder's name under the OS temp folder starts with it */
    constructor(private readonly prefix: string) {}

    /** The folder; only between `create` and `remove`. */
    get dir(): string {
        if (this.current === undefined) {
            throw new Error(`scratch folder ${this.prefix}*: used outside its suite (call create() in before())`);
        }
        return this.current;
    }

    readonly create = (): void => {
        this.current = fs.mkdtempSync(path.join(os.tmpdir(), this.prefix));
    };

    readonly remove = (): void => {
        if (this.current !== undefined) {
            fs.rmSync(this.current, { recursive: true, force: true });
            this.current = undefined;
        }
    };

    /** Writes `text` to `name` (folders created) in the scratch folder; returns its path. */
    readonly file = (name: string, text: string): string => {
        const f = path.join(this.dir, name);
        fs.mkdirSync(path.dirname(f), { recursive: true });
        fs.writeFileSync(f, text);
        return f;
    };
}
