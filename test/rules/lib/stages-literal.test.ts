/**
 * lib/stages, literally: when method settings belong to a stage (stageName from the stage, or the same known
 * stageName on the same API by origin or by known value), which unknown link may still make them the stage's at a
 * first preview, the REST API of a stage found by a literal id, and a REST API's endpoint type (EDGE by default).
 */
import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { resourcesOf } from "../../../policy-pack/rules/lib/resources";
import { apiOfStage, appliesToStage, endpointTypeOf, pendingStageLink, restApiIndex } from "../../../policy-pack/rules/lib/stages";
import { policyResource, U } from "./preview-values";

const API = "aws:apigateway/restApi:RestApi";
const STAGE = "aws:apigateway/stage:Stage";
const SETTINGS = "aws:apigateway/methodSettings:MethodSettings";

const api = policyResource(API, "api", { id: U, name: "api" }, { name: [] });
const stageOf = (props: Record<string, unknown>, deps: Record<string, ReturnType<typeof policyResource>[]> = {}) =>
    resourcesOf([policyResource(STAGE, "stage", props, deps)], aws.apigateway.Stage)[0];
const settingsOf = (props: Record<string, unknown>, deps: Record<string, ReturnType<typeof policyResource>[]>) =>
    resourcesOf([policyResource(SETTINGS, "settings", { methodPath: "*/*", ...props }, { methodPath: [], ...deps })], aws.apigateway.MethodSettings)[0];
const apiOf = (props: Record<string, unknown>, deps: Record<string, ReturnType<typeof policyResource>[]> = {}) =>
    resourcesOf([policyResource(API, "rest", props, deps)], aws.apigateway.RestApi)[0];

describe("lib/stages (literal)", () => {
    it("settings whose stageName came from the stage belong to it, whatever the names and APIs read", () => {
        const stage = stageOf({ stageName: "v1", restApi: "aaa111" }, { stageName: [], restApi: [] });
        const settings = settingsOf({ stageName: U, restApi: "bbb222" }, { stageName: [stage.resource], restApi: [] });
        assert.strictEqual(appliesToStage(settings, stage), true);
    });

    it("the same known stageName belongs when both restApi values came from one API, though they are unknown", () => {
        const stage = stageOf({ stageName: "v1", restApi: U }, { stageName: [], restApi: [api] });
        const settings = settingsOf({ stageName: "v1", restApi: U }, { stageName: [], restApi: [api] });
        assert.strictEqual(appliesToStage(settings, stage), true);
    });

    it("the same known stageName belongs when both restApi values are the same literal, with no dependency", () => {
        const stage = stageOf({ stageName: "v1", restApi: "aaa111" }, { stageName: [], restApi: [] });
        const settings = settingsOf({ stageName: "v1", restApi: "aaa111" }, { stageName: [], restApi: [] });
        assert.strictEqual(appliesToStage(settings, stage), true);
    });

    it("the same known stageName on another API, or another stageName on the same API, does not belong", () => {
        const stage = stageOf({ stageName: "v1", restApi: "aaa111" }, { stageName: [], restApi: [] });
        assert.strictEqual(appliesToStage(settingsOf({ stageName: "v1", restApi: "bbb222" }, { stageName: [], restApi: [] }), stage), false);
        assert.strictEqual(appliesToStage(settingsOf({ stageName: "v2", restApi: "aaa111" }, { stageName: [], restApi: [] }), stage), false);
    });

    it("pendingStageLink: none for settings that belong to the stage, though their restApi is unknown and built from nothing", () => {
        const stage = stageOf({ stageName: "v1", restApi: "aaa111" }, { stageName: [], restApi: [] });
        const settings = settingsOf({ stageName: U, restApi: U }, { stageName: [stage.resource], restApi: [] });
        assert.strictEqual(pendingStageLink(settings, stage), undefined);
    });

    it("pendingStageLink: the same known stageName and an open unknown restApi leave restApi pending", () => {
        const stage = stageOf({ stageName: "v1", restApi: "aaa111" }, { stageName: [], restApi: [] });
        const settings = settingsOf({ stageName: "v1", restApi: U }, { stageName: [], restApi: [] });
        const pending = pendingStageLink(settings, stage);
        assert.strictEqual(pending?.prop, "restApi");
        assert.strictEqual(pending?.unknown, settings);
        assert.strictEqual(pending?.other, stage);
    });

    it("pendingStageLink: the same literal restApi and an open unknown stageName leave stageName pending", () => {
        const stage = stageOf({ stageName: "v1", restApi: "aaa111" }, { stageName: [], restApi: [] });
        const settings = settingsOf({ stageName: U, restApi: "aaa111" }, { stageName: [], restApi: [] });
        const pending = pendingStageLink(settings, stage);
        assert.strictEqual(pending?.prop, "stageName");
        assert.strictEqual(pending?.unknown, settings);
        assert.strictEqual(pending?.other, stage);
    });

    it("pendingStageLink: none when the known stageNames differ and restApi is an open unknown", () => {
        const stage = stageOf({ stageName: "v1", restApi: "aaa111" }, { stageName: [], restApi: [] });
        const settings = settingsOf({ stageName: "v2", restApi: U }, { stageName: [], restApi: [] });
        assert.strictEqual(pendingStageLink(settings, stage), undefined);
    });

    it("apiOfStage finds the API whose literal id the stage names, through the index and through a list", () => {
        const rest = apiOf({ id: "abc123", name: "rest" });
        const other = apiOf({ id: "zzz999", name: "other" });
        const stage = stageOf({ stageName: "v1", restApi: "abc123" }, { stageName: [], restApi: [] });
        assert.strictEqual(apiOfStage(stage, restApiIndex([other, rest])), rest);
        assert.strictEqual(apiOfStage(stage, [other, rest]), rest);
        assert.strictEqual(apiOfStage(stageOf({ stageName: "v1", restApi: "nope" }, { restApi: [] }), [other, rest]), undefined);
    });

    it("endpointTypeOf: EDGE when no endpointConfiguration is set, or for an empty type", () => {
        assert.deepStrictEqual(endpointTypeOf(apiOf({ id: "abc123" })), { known: true, value: "EDGE" });
        assert.deepStrictEqual(endpointTypeOf(apiOf({ endpointConfiguration: { types: [""] } })), { known: true, value: "EDGE" });
        assert.deepStrictEqual(endpointTypeOf(apiOf({ endpointConfiguration: {} })), { known: true, value: "EDGE" });
    });

    it("endpointTypeOf: the first type, upper-cased, from a list or a single string; unknown when set from outputs", () => {
        assert.deepStrictEqual(endpointTypeOf(apiOf({ endpointConfiguration: { types: ["private", "REGIONAL"] } })), { known: true, value: "PRIVATE" });
        assert.deepStrictEqual(endpointTypeOf(apiOf({ endpointConfiguration: { types: "regional" } })), { known: true, value: "REGIONAL" });
        assert.deepStrictEqual(endpointTypeOf(apiOf({ endpointConfiguration: U }, { endpointConfiguration: [] })), {
            known: false,
            path: "endpointConfiguration.types",
        });
    });
});
