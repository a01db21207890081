/** Links between API Gateway stages, their APIs and their method settings. */
import * as aws from "@pulumi/aws";
import { JoinIndex, linkKeys, targetKeys } from "./joins";
import { Known } from "./known";
import { derivedFrom, knownOutput, OutputsOf, pendingLink, PendingLink, refersTo, sameKnownString, sameOrigin, StackResource } from "./resources";

export type RestApiResource = StackResource<OutputsOf<aws.apigateway.RestApi>>;
export type StageResource = StackResource<OutputsOf<aws.apigateway.Stage>>;
export type MethodSettingsResource = StackResource<OutputsOf<aws.apigateway.MethodSettings>>;

/** True when method settings belong to the stage: their stageName came from it, or the same stage name on the same API. */
export function appliesToStage(settings: MethodSettingsResource, stage: StageResource): boolean {
    return (
        derivedFrom(settings, "stageName", stage) ||
        (sameKnownString(
            () => settings.props.stageName,
            () => stage.props.stageName,
        ) &&
            (sameOrigin(settings, "restApi", stage, "restApi") ||
                sameKnownString(
                    () => settings.props.restApi,
                    () => stage.props.restApi,
                )))
    );
}

/**
 * For method settings not known to belong to the stage: the stageName or restApi (of either), unknown at a first
 * preview and built from no Stage or RestApi, that may yet make them the stage's once known; undefined if none.
 */
export function pendingStageLink(settings: MethodSettingsResource, stage: StageResource): PendingLink | undefined {
    if (appliesToStage(settings, stage)) {
        return undefined;
    }
    return pendingLink(settings, stage, [
        {
            prop: "stageName",
            isLinkTarget: (d) => d.isType(aws.apigateway.Stage),
            match:
                derivedFrom(settings, "stageName", stage) ||
                sameKnownString(
                    () => settings.props.stageName,
                    () => stage.props.stageName,
                ),
        },
        {
            prop: "restApi",
            isLinkTarget: (d) => d.isType(aws.apigateway.RestApi),
            match:
                sameOrigin(settings, "restApi", stage, "restApi") ||
                sameKnownString(
                    () => settings.props.restApi,
                    () => stage.props.restApi,
                ),
        },
    ]);
}

const apiId = [(a: OutputsOf<aws.apigateway.RestApi>) => a.id];

/** The stack's REST APIs, indexed for {@link apiOfStage} (a rule that looks up the API of every stage). */
export function restApiIndex(apis: readonly RestApiResource[]): JoinIndex<RestApiResource> {
    return new JoinIndex(apis, (api) => targetKeys(api, apiId));
}

/** The REST API of a stage, when it is in the stack. */
export function apiOfStage(stage: StageResource, apis: readonly RestApiResource[] | JoinIndex<RestApiResource>): RestApiResource | undefined {
    const candidates = apis instanceof JoinIndex ? apis.candidates(linkKeys(stage, "restApi")) : apis;
    return candidates.find((api) => refersTo(stage, "restApi", api, apiId));
}

/** The endpoint type of a REST API (EDGE when not set, as API Gateway does). */
export function endpointTypeOf(api: RestApiResource): Known<string> {
    const types = knownOutput(api, "endpointConfiguration", (p) => {
        const t: unknown = p.endpointConfiguration?.types;
        return Array.isArray(t) ? t[0] : t;
    });
    if (!types.known) {
        return { known: false, path: "endpointConfiguration.types" };
    }
    const first = types.value;
    return { known: true, value: (typeof first === "string" && first !== "" ? first : "EDGE").toUpperCase() };
}
