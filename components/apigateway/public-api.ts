import * as pulumi from "@pulumi/pulumi";
import { RestApi, RestApiBaseArgs, validateRestApiArgs } from "./rest-api";

/** Arguments of {@link PublicApi}: those of every {@link RestApi}; the endpoint type is REGIONAL. */
export type PublicApiArgs = RestApiBaseArgs;

/**
 * A public, REGIONAL REST API (put a WAF web ACL in front of its stage, as
 * SecureApi does; the policy pack rejects a public stage without one).
 * Regional rather than edge-optimized so the WAF, certificate and logs live in
 * the stack's region.
 */
export class PublicApi extends pulumi.ComponentResource {
    /** The REGIONAL REST API (an `ApiEndpoint`). */
    public readonly api: RestApi;

    constructor(name: string, args: PublicApiArgs, opts?: pulumi.ComponentResourceOptions) {
        validateRestApiArgs({ ...args, endpointType: "REGIONAL" });
        super("secure-api:apigateway:PublicApi", name, {}, opts);
        this.api = new RestApi(name, { ...args, endpointType: "REGIONAL" }, { parent: this });
        this.registerOutputs({ restApiId: this.api.restApiId, invokeUrl: this.api.invokeUrl });
    }
}
