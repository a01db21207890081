/** Components whose insides the gate cannot see are reported, not passed. */
import { componentClass, hasChildren, isComponentType } from "../lib/components";
import { describe } from "../lib/messages";
import { ruleConfig, stackRule } from "../lib/rule";
import { REST_API_COMPONENT } from "./../apigateway/apigw-component-routes-authorized";

/** Config of `remote-component-unverified`. */
export interface RemoteComponentConfig {
    /** Component type tokens accepted without inspection (e.g. `awsx:ecr:Repository`). */
    allowedTypes: string[];
}

export const remoteComponentConfig = ruleConfig<RemoteComponentConfig>({
    allowedTypes: {
        type: "array",
        items: { type: "string", minLength: 1 },
        uniqueItems: true,
        default: [],
        description: "Component type tokens accepted without inspection (e.g. awsx:ecr:Repository).",
    },
});

/** Packages whose components the gate sees into: the platform's own, the engine's, and those a rule checks by inputs. */
const OWN_PACKAGES = ["secure-api", "pulumi"];
const CHECKED_BY_INPUTS = [REST_API_COMPONENT];

export const remoteComponentUnverified = stackRule({
    name: "remote-component-unverified",
    service: "components",
    description:
        "A component resource with no children in the plan (a remote, multi-language component whose resources the gate cannot see) of a package other than secure-api/pulumi is reported as not verified, unless its type is allow-listed.",
    remediationSteps:
        "Build the resources with the platform's components or raw provider resources, or list the component type in allowedTypes after reviewing what it creates.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: {},
    config: remoteComponentConfig,
    inspects: [componentClass("*")],
    validateStack: (args, report) => {
        const { allowedTypes } = remoteComponentConfig.read(args);
        for (const r of args.resources) {
            const pkg = r.type.split(":")[0];
            if (!isComponentType(r.type) || OWN_PACKAGES.includes(pkg) || CHECKED_BY_INPUTS.includes(r.type) || allowedTypes.includes(r.type)) {
                continue;
            }
            if (hasChildren(r, args.resources)) {
                continue;
            }
            report(
                `not verified: ${describe(r)} is a ${r.type} component whose resources the gate cannot see (it has no children in the plan), so none of the pack's rules judged them. ` +
                    `Use the platform's components or raw resources, or add "${r.type}" to allowedTypes once reviewed.`,
                r.urn,
            );
        }
    },
});
