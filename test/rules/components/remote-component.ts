/** A remote (multi-language) component as the offline plan sees it: one resource with its inputs, children only if the spec adds them. */
import * as pulumi from "@pulumi/pulumi";

export class RemoteComponent extends pulumi.ComponentResource {
    constructor(type: string, name: string, args: pulumi.Inputs = {}, opts: pulumi.ComponentResourceOptions = {}) {
        super(type, name, args, opts, true);
    }
}
