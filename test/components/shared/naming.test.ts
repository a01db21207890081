/**
 * Pins the naming helpers of components/shared/naming.ts: the method settings path escapes the
 * resource path's slashes as ~1 and the usage-plan throttle path does not, WAF log group names stop
 * at CloudWatch Logs' 512 characters, and model names are PascalCase words of the method, path and
 * "request".
 */
import * as assert from "assert";
import { methodSettingsPath, modelName, usagePlanThrottlePath, wafLogGroupName } from "../../../components/shared/naming";

describe("shared naming: methodSettingsPath", () => {
    it("escapes every slash of the resource path as ~1 and appends the upper-cased method", () => {
        assert.strictEqual(methodSettingsPath("get", "/orders/{id}"), "~1orders~1{id}/GET");
        assert.strictEqual(methodSettingsPath("post", "/orders"), "~1orders/POST");
        assert.strictEqual(methodSettingsPath("any", "/a/b/{proxy+}"), "~1a~1b~1{proxy+}/ANY");
    });

    it("names the root resource ~1", () => {
        assert.strictEqual(methodSettingsPath("get", "/"), "~1/GET");
    });

    it("reads a path without its leading slash as the same resource", () => {
        assert.strictEqual(methodSettingsPath("delete", "orders/{id}"), "~1orders~1{id}/DELETE");
    });
});

describe("shared naming: usagePlanThrottlePath", () => {
    it("is the resource path, unescaped, then the upper-cased method", () => {
        assert.strictEqual(usagePlanThrottlePath("get", "/orders/{id}"), "/orders/{id}/GET");
        assert.strictEqual(usagePlanThrottlePath("post", "orders"), "/orders/POST");
        assert.strictEqual(usagePlanThrottlePath("get", "/"), "//GET");
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
