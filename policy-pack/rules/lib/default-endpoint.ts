/**
 * The default-endpoint check shared by REST APIs (mapped by a BasePathMapping)
 * and v2 APIs (mapped by an ApiMapping): both take `disableExecuteApiEndpoint`.
 */
import { unverifiable } from "./messages";
import { knownOutput, StackResource } from "./resources";

/** Reports an API mapped to a custom domain that keeps its default execute-api endpoint (or whose setting is unknown at preview). */
export function checkDefaultEndpoint(
    api: StackResource<{ readonly disableExecuteApiEndpoint?: boolean }>,
    mapping: { readonly label: string },
    report: (message: string, urn: string) => void,
): void {
    // Not set means API Gateway's default, false.
    const disabled = knownOutput(api, "disableExecuteApiEndpoint", (a) => a.disableExecuteApiEndpoint);
    if (!disabled.known) {
        report(unverifiable(api.label, disabled.path, `be true, since ${mapping.label} maps it to a custom domain`), api.urn);
    } else if (disabled.value !== true) {
        report(
            `${api.label} is mapped to a custom domain (${mapping.label}) but keeps its default execute-api endpoint (disableExecuteApiEndpoint is ${disabled.value ?? false}), ` +
                "which bypasses the domain's TLS policy and mTLS. Set disableExecuteApiEndpoint: true.",
            api.urn,
        );
    }
}
