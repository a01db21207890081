/**
 * Every rule of the pack, as data. The real CLI loads them through
 * `policy-pack/index.ts`; the offline gate and the tests import them from here.
 *
 * Rules live one per file in a directory per AWS service
 * (`<service>/<rule-name>.ts`, see `lib/rule.ts` for the shape); each service's
 * `index.ts` lists its rules in pack order, and `policies` concatenates them.
 */
import type { Policies } from "@pulumi/policy";
import { acmRules } from "./acm";
import { apigatewayRules } from "./apigateway";
import { apigatewayv2Rules } from "./apigatewayv2";
import { cloudtrailRules } from "./cloudtrail";
import { cloudwatchRules } from "./cloudwatch";
import { cognitoRules } from "./cognito";
import { componentsRules } from "./components";
import { iamRules } from "./iam";
import { kmsRules } from "./kms";
import { lambdaRules } from "./lambda";
import { renderRuleTable } from "./lib/catalog";
import { metadataOf, RuleMetadata, Service, SERVICES } from "./lib/rule";
import { s3Rules } from "./s3";
import { wafv2Rules } from "./wafv2";

export type { PeerControls, RuleConfigKey, RuleMetadata, Service } from "./lib/rule";
export { renderRuleTable, renderRuleTableSection, RULE_TABLE_BEGIN, RULE_TABLE_END } from "./lib/catalog";
export { PEER_COVERAGE_BEGIN, PEER_COVERAGE_END, PEER_SCOPES, peerCoverage, renderPeerCoverageSection } from "./peers";
export type { ControlStatus, PeerControl, PeerCoverage, PeerScope } from "./peers";

export const POLICY_PACK_NAME = "secure-api-platform";

/** The rules of each service, in pack order. */
export const RULES_BY_SERVICE: Readonly<Record<Service, Policies>> = {
    apigateway: apigatewayRules,
    cognito: cognitoRules,
    cloudwatch: cloudwatchRules,
    cloudtrail: cloudtrailRules,
    s3: s3Rules,
    wafv2: wafv2Rules,
    apigatewayv2: apigatewayv2Rules,
    components: componentsRules,
    lambda: lambdaRules,
    iam: iamRules,
    kms: kmsRules,
    acm: acmRules,
};

/** Every rule, in a stable order: service by service (`SERVICES`), each in its own order. */
export const policies: Policies = SERVICES.flatMap((service) => RULES_BY_SERVICE[service]);

/** The metadata of every rule, in the order of `policies`: for reports, docs and the gate. */
export function ruleCatalog(): RuleMetadata[] {
    return policies.map(metadataOf);
}

/** The README's rule table, rendered from the metadata. */
export function ruleTable(): string {
    return renderRuleTable(ruleCatalog());
}
