/** What a plan runs: the program's entry, project, stack and config files, and the policy config. */
import * as fs from "fs";
import * as path from "path";
import { policies } from "../rules";
import { UsageError, PlanOptions } from "./args";
import { policyConfigErrors, PolicyConfigError, PolicyPackConfigFile } from "./engine";
import { listStacks, readProjectFile } from "./stack-files";

/** The project root: this project's own stacks are planned from here. */
export const ROOT = path.resolve(__dirname, "..", "..");

export interface ResolvedPlan {
    stack: string;
    project: string;
    entry: string;
    /** The program's directory (findings point at lines of files inside it). */
    programDir: string;
    /** The project directory: Pulumi.yaml's, where the tsconfig is looked for. */
    projectDir: string;
    /** Pulumi.yaml `runtime.options.typescript`, when set. */
    typescript?: boolean;
    configFile?: string;
    policyConfigFile?: string;
}

export function resolvePlan(options: PlanOptions): ResolvedPlan {
    if (!options.program) {
        const stacks = listStacks(ROOT);
        if (!stacks.includes(options.stack!)) {
            throw new UsageError(`unknown stack ${JSON.stringify(options.stack)}; this project has: ${stacks.join(", ")}`);
        }
        const project = readProjectFile(ROOT)!;
        const defaultPolicyConfig = path.join(ROOT, "policy-pack", "config", `${options.stack}.json`);
        const entry = path.join(ROOT, project.main ?? ".");
        return {
            stack: options.stack!,
            project: project.name,
            entry,
            programDir: fs.statSync(entry).isDirectory() ? path.resolve(entry) : path.dirname(entry),
            projectDir: ROOT,
            typescript: project.typescript,
            configFile: path.join(ROOT, `Pulumi.${options.stack}.yaml`),
            policyConfigFile: options.policyConfig ?? (fs.existsSync(defaultPolicyConfig) ? defaultPolicyConfig : undefined),
        };
    }
    const target = path.resolve(options.program);
    if (!fs.existsSync(target)) {
        throw new UsageError(`--program ${options.program}: no such file or directory`);
    }
    const dir = fs.statSync(target).isDirectory() ? target : path.dirname(target);
    const project = readProjectFile(dir);
    // A trailing separator makes Node resolve the directory itself (its package.json main or index.*),
    // never a sibling file of the same name such as the infra.json a shell redirect just created.
    const main = path.join(dir, project?.main ?? ".");
    // Pulumi.yaml's main may name a file as well as a directory.
    const entry = !fs.statSync(target).isDirectory() ? target : fs.existsSync(main) && fs.statSync(main).isFile() ? main : main + path.sep;
    const stackFromConfig = options.config ? /Pulumi\.(.+)\.yaml$/.exec(path.basename(options.config))?.[1] : undefined;
    const stack = options.stack ?? stackFromConfig ?? "offline";
    const sibling = path.join(dir, `Pulumi.${stack}.yaml`);
    const configFile = options.config ? path.resolve(options.config) : fs.existsSync(sibling) ? sibling : undefined;
    if (options.config && !fs.existsSync(configFile!)) {
        throw new UsageError(`--config ${options.config}: no such file`);
    }
    return {
        stack,
        project: project?.name ?? path.basename(dir),
        entry,
        programDir: dir,
        projectDir: dir,
        typescript: project?.typescript,
        configFile,
        policyConfigFile: options.policyConfig,
    };
}

export function readPolicyConfig(file: string | undefined): PolicyPackConfigFile | undefined {
    if (!file) {
        return undefined;
    }
    if (!fs.existsSync(file)) {
        throw new UsageError(`policy config ${file}: no such file`);
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (err) {
        throw new UsageError(`policy config ${file} is not valid JSON: ${(err as Error).message}`);
    }
    // Checked in full before the program runs, as the Pulumi CLI checks --policy-pack-config.
    const errors = policyConfigErrors(policies, parsed);
    if (errors.length > 0) {
        throw new PolicyConfigError(`invalid policy config ${file}:\n${errors.map((e) => `  - ${e}`).join("\n")}`);
    }
    return parsed as PolicyPackConfigFile;
}
