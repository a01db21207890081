/**
 * `npm run bench`: in one run, the load floor (`node -e 'require("@pulumi/pulumi");require("@pulumi/aws")'`),
 * the dev plan and generated programs of 1,000 / 2,000 / 4,000 resources, as wall time, ratio to the
 * floor and peak RSS of each process. Each program is planned once unmeasured first, so its
 * type-check is cached as on a developer's machine or a CI cache; that first (cold) time is printed too.
 * Every figure is the median of ROUNDS rounds; each round measures the floor and every case in turn,
 * so a machine whose speed drifts moves the floor with the cases. Growth: the time and memory each
 * further 1,000 resources cost, from 1,000 to 2,000 and from 2,000 to 4,000 (linear: the second at
 * most 1.5 times the first).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const USAGE = path.join(__dirname, "usage.js");
const SIZES = [1000, 2000, 4000];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The median wall time and peak RSS of each case over the rounds. */
function medians(rounds: Measured[][]): Measured[] {
    return rounds[0].map((_, i) => ({
        wallS: median(rounds.map((r) => r[i].wallS)),
        rssMb: median(rounds.map((r) => r[i].rssMb)),
        code: rounds[0][i].code,
    }));
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
    const configs = SIZES.map((n) => generated(n));
    const rounds: Measured[][] = [];
    for (let i = 0; i < ROUNDS; i++) {
        rounds.push([measure(["-e", 'require("@pulumi/pulumi");require("@pulumi/aws")']), measure(dev), ...configs.map((c) => measure(c))]);
    }
    const [floor, devPlan, ...sized] = medians(rounds);
    const lines = [
        `${"".padEnd(22)} ${"wall".padStart(9)} ${"/floor".padStart(8)} ${"peak RSS".padStart(9)}   (medians of ${ROUNDS} rounds)`,
        row("floor", floor, floor.wallS),
        row("dev plan", devPlan, floor.wallS, `target <= 2x: ${devPlan.wallS <= 2 * floor.wallS ? "met" : "NOT met"}`),
    ];
    SIZES.forEach((n, i) => {
        const m = sized[i];
        const target = n === 4000 ? `target <= 10x and <= 600 MB: ${m.wallS <= 10 * floor.wallS && m.rssMb <= 600 ? "met" : "NOT met"}` : undefined;
        lines.push(row(`${n} resources`, m, floor.wallS, target));
    });
    // Cost of each further 1,000 resources: 1,000 -> 2,000, then 2,000 -> 4,000.
    const per1000 = (a: number, b: number, key: "wallS" | "rssMb") => ((sized[b][key] - sized[a][key]) * 1000) / (SIZES[b] - SIZES[a]);
    const [t1, t2, m1, m2] = [per1000(0, 1, "wallS"), per1000(1, 2, "wallS"), per1000(0, 1, "rssMb"), per1000(1, 2, "rssMb")];
    lines.push(
        "",
        `Growth per 1,000 resources: ${t1.toFixed(2)} s / ${m1.toFixed(0)} MB (1,000 -> 2,000), ${t2.toFixed(2)} s / ${m2.toFixed(0)} MB (2,000 -> 4,000); ` +
            `linear (second <= 1.5x the first): ${t2 <= 1.5 * t1 && m2 <= 1.5 * m1 ? "met" : "NOT met"}.`,
    );
    lines.push(
        "",
        `First runs (type-check not cached yet): dev plan ${coldDev.wallS.toFixed(2)} s, ${SIZES[0]} resources ${coldGenerated.wallS.toFixed(2)} s.`,
        `${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}: ratios are to the floor measured in this run.`,
    );
    process.stdout.write(lines.join("\n") + "\n");
}

main();
