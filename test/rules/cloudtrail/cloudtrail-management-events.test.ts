import * as aws from "@pulumi/aws";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { logGroup, trail } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "cloudtrail-management-events";
type Basic = aws.types.input.cloudtrail.TrailEventSelector;
type Advanced = aws.types.input.cloudtrail.TrailAdvancedEventSelector;
const basic =
    (...eventSelectors: Basic[]) =>
    () => {
        trail("trail", { eventSelectors });
    };
const advanced =
    (...advancedEventSelectors: Advanced[]) =>
    () => {
        trail("trail", { advancedEventSelectors });
    };
const CATEGORY = { field: "eventCategory", equals: ["Management"] };
const MANAGEMENT: Advanced = { name: "management", fieldSelectors: [CATEGORY] };
const DATA = { field: "eventCategory", equals: ["Data"] };
const S3_DATA: Advanced = {
    name: "objects",
    fieldSelectors: [DATA, { field: "resources.type", equals: ["AWS::S3::Object"] }],
};

describe(RULE, () => {
    it("passes the compliant baseline: no selectors (CloudTrail's default), All management events, or an advanced Management selector", async () => {
        assertNoFindings(await ruleFindings(RULE, () => trail("trail")));
        assertNoFindings(await ruleFindings(RULE, basic({ readWriteType: "All", includeManagementEvents: true })));
        assertNoFindings(await ruleFindings(RULE, basic({ dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] })));
        assertNoFindings(await ruleFindings(RULE, advanced(MANAGEMENT, S3_DATA)));
    });

    it("reports event selectors that drop management events, writes or reads", async () => {
        for (const selector of [
            { readWriteType: "All", includeManagementEvents: false },
            { readWriteType: "ReadOnly", includeManagementEvents: true },
            { readWriteType: "WriteOnly" },
            { readWriteType: "All", excludeManagementEventSources: ["kms.amazonaws.com"] },
        ]) {
            assertFindings(await ruleFindings(RULE, basic(selector)), RULE, "mandatory", [
                { resource: "trail", message: [/eventSelectors record no full set of management events/, /readWriteType: "All"/] },
            ]);
        }
    });

    it("passes when one of several event selectors records everything", async () => {
        assertNoFindings(await ruleFindings(RULE, basic({ readWriteType: "ReadOnly" }, { readWriteType: "All", includeManagementEvents: true })));
    });

    it("reports advanced selectors with data events only, or management events filtered by readOnly or eventSource", async () => {
        const readOnly: Advanced = { name: "writes", fieldSelectors: [CATEGORY, { field: "readOnly", equals: ["false"] }] };
        const noKms: Advanced = { name: "no-kms", fieldSelectors: [CATEGORY, { field: "eventSource", notEquals: ["kms.amazonaws.com"] }] };
        for (const selectors of [[S3_DATA], [readOnly], [noKms, S3_DATA]]) {
            assertFindings(await ruleFindings(RULE, advanced(...selectors)), RULE, "mandatory", [
                {
                    resource: "trail",
                    message: [
                        /advancedEventSelectors record no full set of management events/,
                        /Add an advanced selector with only fieldSelectors \[\{ field: "eventCategory", equals: \["Management"\] \}\]/,
                    ],
                },
            ]);
        }
    });

    it("judges the eventCategory field wherever it is listed, not the first field selector", async () => {
        const data: Advanced = {
            name: "data",
            fieldSelectors: [
                { field: "eventName", equals: ["Management"] },
                { field: "eventCategory", equals: ["Data"] },
            ],
        };
        assertFindings(await ruleFindings(RULE, advanced(data)), RULE, "mandatory", [
            { resource: "trail", message: [/advancedEventSelectors record no full set/] },
        ]);
        const later: Advanced = { name: "management", fieldSelectors: [{ field: "eventName", notEquals: ["none"] }, CATEGORY] };
        assertNoFindings(await ruleFindings(RULE, advanced(later)));
    });

    it("reports every trail that drops management events", async () => {
        const found = await ruleFindings(RULE, () => {
            trail("a", { eventSelectors: [{ readWriteType: "WriteOnly" }] });
            trail("b", { advancedEventSelectors: [S3_DATA] });
            trail("c");
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "a", message: [/eventSelectors record no full set/] },
            { resource: "b", message: [/advancedEventSelectors record no full set/] },
        ]);
    });

    describe("at a first preview", () => {
        const MUST = /it must record management events, read and write, with no event source excluded/;
        const later = <T>(value: T) => logGroup("source").arn.apply(() => value);

        it("selectors, or a selector's field or filter built from outputs, are reported as unverifiable, naming the first unknown path", async () => {
            const found = await ruleFindingsByMode(RULE, () => {
                trail("basic", { eventSelectors: later([{ readWriteType: "WriteOnly" }]) });
                trail("advanced", { advancedEventSelectors: later([S3_DATA]) });
                trail("field", { advancedEventSelectors: [{ name: "m", fieldSelectors: [CATEGORY, { field: later("readOnly"), equals: ["true"] }] }] });
                trail("write-type", { eventSelectors: [{ readWriteType: later("ReadOnly") }] });
            });
            assertFindings(found.preview, RULE, "mandatory", [
                { resource: "basic", message: [/Trail "basic"\.eventSelectors is unknown/, MUST] },
                { resource: "advanced", message: [/Trail "advanced"\.advancedEventSelectors is unknown/, MUST] },
                { resource: "field", message: [/Trail "field"\.advancedEventSelectors\.0\.fieldSelectors\.1\.field is unknown/, MUST] },
                { resource: "write-type", message: [/Trail "write-type"\.eventSelectors\.0\.readWriteType is unknown/, MUST] },
            ]);
            assertFindings(
                found.update,
                RULE,
                "mandatory",
                ["basic", "advanced", "field", "write-type"].map((resource) => ({ resource, message: [/record no full set of management events/] })),
            );
        });

        it("data resources and field values built from outputs (bucket or function ARNs) do not stop the verdict", async () => {
            const found = await ruleFindingsByMode(RULE, () => {
                trail("basic", {
                    eventSelectors: [{ readWriteType: "All", dataResources: [{ type: "AWS::S3::Object", values: [later("arn:aws:s3:::b/")] }] }],
                });
                trail("advanced", {
                    advancedEventSelectors: [
                        MANAGEMENT,
                        { name: "o", fieldSelectors: [DATA, { field: "resources.ARN", startsWiths: [later("arn:aws:s3:::b/")] }] },
                    ],
                });
                // An unknown value in the eleventh field selector is a value too, not a field.
                const many = Array.from({ length: 9 }, (_, i) => ({ field: "eventName", notEquals: [`Event${i}`] }));
                trail("eleventh", {
                    advancedEventSelectors: [
                        MANAGEMENT,
                        { name: "o", fieldSelectors: [DATA, ...many, { field: "resources.ARN", startsWiths: [later("arn:aws:s3:::b/")] }] },
                    ],
                });
                trail("dropped", {
                    eventSelectors: [{ readWriteType: "WriteOnly", dataResources: [{ type: "AWS::S3::Object", values: [later("arn:aws:s3:::b/")] }] }],
                });
            });
            for (const mode of ["preview", "update"] as const) {
                assertFindings(found[mode], RULE, "mandatory", [{ resource: "dropped", message: [/eventSelectors record no full set of management events/] }]);
            }
        });
    });
});
