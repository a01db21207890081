/** The stack program: read and validate this stack's config, check the target account, then build the platform. */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { ComponentArgumentError } from "../components";
import { ConfigError, parsePlatformConfig } from "./config";
import { runtimeIsSecretKey } from "./config-identity";
import { readEncryptedPaths, storedEncrypted } from "./config-secrets";
import { accountProblems, configProblemOf, exampleValueProblems } from "./deploy-target";
import { createPlatform } from "./platform";

/**
 * Runs the platform for the current stack. Config and argument errors name the
 * stack config key and the stack's config file; nothing is created before the
 * config, and the account it is deployed into, have been checked.
 */
export async function platformProgram(): Promise<ReturnType<typeof createPlatform>> {
    const source = `Pulumi.${pulumi.getStack()}.yaml`;
    const raw = pulumi.runtime.allConfig();
    // The stack file sits next to Pulumi.yaml, one level above this directory (Pulumi.yaml: main: stacks/).
    const encrypted = readEncryptedPaths(path.join(__dirname, "..", source), pulumi.getProject());
    const config = parsePlatformConfig(raw, source, pulumi.getProject(), storedEncrypted(runtimeIsSecretKey, encrypted));
    const { accountId } = await aws.getCallerIdentity({});
    const problems = [...accountProblems(config, accountId), ...exampleValueProblems(config, accountId)];
    if (problems.length > 0) {
        throw new ConfigError(source, problems);
    }
    try {
        return createPlatform(config, raw["aws:region"], source);
    } catch (err) {
        if (err instanceof ComponentArgumentError) {
            throw new ConfigError(source, [configProblemOf(err)]);
        }
        throw err;
    }
}
