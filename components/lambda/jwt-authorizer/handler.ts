/**
 * Lambda entry point of the JWT authorizer (REST API, TOKEN or REQUEST type).
 * The configuration is read and checked when the module loads (cold start):
 * an invalid environment fails the function's initialisation with a
 * ConfigError naming the variable, so no request is ever served by a
 * misconfigured authorizer. The JWKS cache lives as long as the execution
 * environment. See authorizer.ts for the decisions, settings.ts for the
 * environment variables.
 */
import { createAuthorizer } from "./authorizer";
import { loadConfig } from "./config";
import { AuthorizerEvent } from "./event";
import { AuthorizerDecision } from "./policy";

const authorize = createAuthorizer(loadConfig(process.env));

/** `index.handler` in the function package. */
export async function handler(event: AuthorizerEvent): Promise<AuthorizerDecision> {
    return authorize(event);
}
