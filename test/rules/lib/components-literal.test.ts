/**
 * componentClass and isComponentType, literally: a component class is named by the last part of its type
 * token; a component type has three parts, a module without a slash, and is not of a native provider or
 * of the Pulumi engine's own packages.
 */
import * as assert from "assert";
import { componentClass, isComponentType } from "../../../policy-pack/rules/lib/components";

describe("components (literal)", () => {
    it("componentClass: names the class by the last part of the type token", () => {
        const cls = componentClass("acme:index:Widget");
        assert.strictEqual(cls.name, "Widget");
        assert.strictEqual(cls.__pulumiType, "acme:index:Widget");
    });

    it("isComponentType: a pkg:module:Name token of a component package", () => {
        assert.strictEqual(isComponentType("acme:index:Widget"), true);
        assert.strictEqual(isComponentType("awsx:ec2:Vpc"), true);
        assert.strictEqual(isComponentType("acme-native-tools:index:Widget"), true);
    });

    it("isComponentType: not a token without a name, a provider resource, a native provider's or the engine's own", () => {
        assert.strictEqual(isComponentType("acme:index"), false);
        assert.strictEqual(isComponentType("aws:s3/bucket:Bucket"), false);
        assert.strictEqual(isComponentType("azure-native:network:VirtualNetwork"), false);
        assert.strictEqual(isComponentType("pulumi:providers:aws"), false);
        assert.strictEqual(isComponentType("pulumi-nodejs:dynamic:Resource"), false);
    });
});
