import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { apiV2Of, isQuickCreate, protocolOf, QUICK_CREATE_FIX } from "../../../policy-pack/rules/lib/apis-v2";
import { resourcesOf } from "../../../policy-pack/rules/lib/resources";
import { policyResource, U } from "./preview-values";

const API = "aws:apigatewayv2/api:Api";
const ROUTE = "aws:apigatewayv2/route:Route";

describe("lib/apis-v2: the API a v2 resource belongs to, literally", () => {
    // One API created in this program (id unknown until up), one already deployed (its id known, as on an update).
    const created = policyResource(API, "created", { id: U, protocolType: "http" });
    const deployed = policyResource(API, "deployed", { id: "a1b2c3d4e5", protocolType: "WEBSOCKET" });
    const apis = resourcesOf([created, deployed], aws.apigatewayv2.Api);

    it("finds the API by dependency record, and by a literal apiId equal to the API's known id", () => {
        const [byDependency, byLiteralId, elsewhere] = resourcesOf(
            [
                policyResource(ROUTE, "by-dependency", { apiId: U, routeKey: "GET /a" }, { apiId: [created] }),
                // An app team's route naming a deployed API by its id, with no dependency on the API resource.
                policyResource(ROUTE, "by-literal-id", { apiId: "a1b2c3d4e5", routeKey: "GET /b" }, { apiId: [] }),
                policyResource(ROUTE, "elsewhere", { apiId: "zzzzzzzzzz", routeKey: "GET /c" }, { apiId: [] }),
            ],
            aws.apigatewayv2.Route,
        );
        assert.strictEqual(apiV2Of(byDependency, apis)?.name, "created");
        assert.strictEqual(apiV2Of(byLiteralId, apis)?.name, "deployed");
        assert.strictEqual(apiV2Of(elsewhere, apis), undefined);
    });

    it("upper-cases a known protocol, keeps one the program set from unknown values unknown", () => {
        assert.deepStrictEqual(protocolOf(apis[0]), { known: true, value: "HTTP" });
        assert.deepStrictEqual(protocolOf(apis[1]), { known: true, value: "WEBSOCKET" });
        const [fromUnknown, leftUnset] = resourcesOf(
            [
                policyResource(API, "from-unknown", { id: U, protocolType: U }, { protocolType: [created] }),
                policyResource(API, "unset", { id: U, protocolType: U }),
            ],
            aws.apigatewayv2.Api,
        );
        assert.strictEqual(protocolOf(fromUnknown).known, false);
        // Left unset, an output unknown on a first preview reads as the provider's default (none).
        assert.deepStrictEqual(protocolOf(leftUnset), { known: true, value: undefined });
    });

    it("quick create is any target set, known or not; the fix names what to declare instead", () => {
        assert.strictEqual(isQuickCreate({ known: true, value: "arn:aws:lambda:us-east-1:111122223333:function:f" }), true);
        assert.strictEqual(isQuickCreate({ known: false, path: "target" }), true);
        assert.strictEqual(isQuickCreate({ known: true, value: undefined }), false);
        assert.strictEqual(isQuickCreate({ known: true, value: "" }), false);
        assert.strictEqual(
            QUICK_CREATE_FIX,
            "remove target and routeKey and declare the aws.apigatewayv2.Integration, Route and Stage (e.g. $default with autoDeploy) yourself",
        );
    });
});
