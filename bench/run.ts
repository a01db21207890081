/**
 * `npm run bench`: in one run, the load floor (`node -e 'require("@pulumi/pulumi");require("@pulumi/aws")'`),
 * the dev plan and generated programs of 1,000 / 2,000 / 4,000 resources, as wall time, ratio to the
 * floor and peak RSS of each process. Each program is planned once unmeasured first, so its
 * type-check is cached as on a developer's machine or a CI cache; that first (cold) time is printed too.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const USAGE = path.join(__dirname, "usage.js");
const SIZES = [1000, 2000, 4000];
/** How the plan is started: the package's launcher, as `npx secure-api-gate` runs it. */
const PLAN = [path.join(ROOT, "bin", "secure-api-gate.js")];

interface Measured {
    wallS: number;
    rssMb: number;
    code: number | null;
}

function measure(args: string[]): Measured {
    const usageFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-")), "usage.json");
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ["-r", USAGE, ...args], {
        cwd: ROOT,
        env: { ...process.env, BENCH_USAGE_FILE: usageFile },
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
    });
    const wallS = Number(process.hrtime.bigint() - start) / 1e9;
    if (r.status !== 0 && r.status !== 1) {
        throw new Error(`bench: ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
    }
    const usage = JSON.parse(fs.readFileSync(usageFile, "utf8")) as { maxRssKb: number };
    return { wallS, rssMb: usage.maxRssKb / 1024, code: r.status };
}

function configFile(resources: number): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-config-")), `Pulumi.n${resources}.yaml`);
    fs.writeFileSync(file, `config:\n  aws:region: us-east-1\n  secure-api-gate-bench:resources: ${resources}\n`);
    return file;
}

function row(label: string, m: Measured, floor: number, target?: string): string {
    const ratio = m.wallS / floor;
    return `${label.padEnd(22)} ${m.wallS.toFixed(2).padStart(7)} s ${ratio.toFixed(2).padStart(7)}x ${m.rssMb.toFixed(0).padStart(6)} MB${target ? `   ${target}` : ""}`;
}

function main(): void {
    const dev = [...PLAN, "--stack", "dev"];
    const generated = (n: number) => [...PLAN, "--program", __dirname, "--config", configFile(n)];
    const coldDev = measure(dev);
    const coldGenerated = measure(generated(SIZES[0]));
    const floor = measure(["-e", 'require("@pulumi/pulumi");require("@pulumi/aws")']);
    const devPlan = measure(dev);
    const lines = [
        `${"".padEnd(22)} ${"wall".padStart(9)} ${"/floor".padStart(8)} ${"peak RSS".padStart(9)}`,
        row("floor", floor, floor.wallS),
        row("dev plan", devPlan, floor.wallS, `target <= 2x: ${devPlan.wallS <= 2 * floor.wallS ? "met" : "NOT met"}`),
    ];
    for (const n of SIZES) {
        const m = measure(generated(n));
        const target = n === 4000 ? `target <= 10x and <= 600 MB: ${m.wallS <= 10 * floor.wallS && m.rssMb <= 600 ? "met" : "NOT met"}` : undefined;
        lines.push(row(`${n} resources`, m, floor.wallS, target));
    }
    lines.push(
        "",
        `First runs (type-check not cached yet): dev plan ${coldDev.wallS.toFixed(2)} s, ${SIZES[0]} resources ${coldGenerated.wallS.toFixed(2)} s.`,
        `${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}: ratios are to the floor measured in this run.`,
    );
    process.stdout.write(lines.join("\n") + "\n");
}

main();
