/** The stack program: read and validate this stack's config, then build the platform. */
import * as pulumi from "@pulumi/pulumi";
import { ComponentArgumentError } from "../components";
import { ConfigError, parsePlatformConfig } from "./config";
import { createPlatform } from "./platform";

/** Runs the platform for the current stack; config and argument errors name the stack's config file. */
export function platformProgram(): ReturnType<typeof createPlatform> {
    const source = `Pulumi.${pulumi.getStack()}.yaml`;
    const raw = pulumi.runtime.allConfig();
    const config = parsePlatformConfig(raw, source, pulumi.getProject());
    try {
        return createPlatform(config, raw["aws:region"], source);
    } catch (err) {
        if (err instanceof ComponentArgumentError) {
            throw new ConfigError(source, [err.message]);
        }
        throw err;
    }
}
