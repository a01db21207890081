/**
 * Pins the naming helpers of components/shared/naming.ts: the method settings path strips only
 * a leading slash, WAF log group names stop at CloudWatch Logs' 512 characters, and model names
 * are PascalCase words of the method, path and "request".
 */
import * as assert from "assert";
import { methodSettingsPath, modelName, wafLogGroupName } from "../../../components/shared/naming";

describe("shared naming: methodSettingsPath", () => {
    it("drops the leading slash and appends the upper-cased method", () => {
        assert.strictEqual(methodSettingsPath("get", "/orders/{id}"), "orders/{id}/GET");
    });

    it("keeps a path without a leading slash whole", () => {
        assert.strictEqual(methodSettingsPath("delete", "orders/{id}"), "orders/{id}/DELETE");
    });
});

describe("shared naming: wafLogGroupName", () => {
    it("prefixes the slug with aws-waf-logs-", () => {
        assert.strictEqual(wafLogGroupName("Orders WAF"), "aws-waf-logs-orders-waf");
    });

    it("keeps a name of exactly 512 characters", () => {
        assert.strictEqual(wafLogGroupName("a".repeat(499)), "aws-waf-logs-" + "a".repeat(499));
    });

    it("cuts a longer name to 512 characters", () => {
        const name = wafLogGroupName("a".repeat(500));
        assert.strictEqual(name, "aws-waf-logs-" + "a".repeat(499));
        assert.strictEqual(name.length, 512);
    });
});

describe("shared naming: modelName", () => {
    it("is the PascalCase words of method, path and Request", () => {
        assert.strictEqual(modelName("POST", "/orders/{id}"), "PostOrdersIdRequest");
    });

    it("upper-cases only the first letter of each word", () => {
        assert.strictEqual(modelName("put", "/userProfiles/{profileId}/avatar"), "PutUserprofilesProfileidAvatarRequest");
    });
});
