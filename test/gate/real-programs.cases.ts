/** The real public programs of test/fixtures/programs/real and what the gate must find on each, as published (preview mode). */

/** `<level> <rule> <resource name>` of a finding, and how many times it must occur. */
export type Findings = Record<string, number>;

export interface RealProgram {
    program: string;
    /** What is wrong with the program as published (what the findings must cover). */
    weakness: string;
    findings: Findings;
    /** Messages that name the real weakness. */
    messages: RegExp[];
}

export const PROGRAMS: RealProgram[] = [
    {
        program: "examples-aws-apigateway-ts-routes",
        weakness:
            "RestAPI: five anonymous routes (static, Lambda, proxy, swagger data, API-key-only), an anonymous swaggerString API, a user pool without MFA and a client with password auth, an unlimited usage plan, CallbackFunction roles with *FullAccess",
        findings: {
            "mandatory apigw-component-stage-unverified api": 1,
            "mandatory apigw-component-stage-unverified swagger-api": 1,
            "advisory cognito-advanced-security user-pool": 1,
            "mandatory apigw-component-routes-authorized api": 5,
            "mandatory apigw-component-routes-authorized swagger-api": 1,
            "mandatory apigw-usage-plan-limits usage-plan": 1,
            "mandatory cognito-app-client-secure user-pool-client": 3,
            "mandatory cognito-mfa user-pool": 1,
            "mandatory cognito-password-policy user-pool": 1,
            "mandatory cognito-user-pool-deletion-protection user-pool": 1,
            "mandatory cognito-user-pool-self-sign-up user-pool": 1,
            "mandatory iam-backend-role-least-privilege auth": 6,
            "mandatory iam-backend-role-least-privilege hello-handler": 6,
        },
        messages: [
            /RestAPI "api" route GET \/lambda \(routes\[1\]\) has no authorizers/,
            /RestAPI "api" route GET \/key-authorized \(routes\[6\]\)/,
            /RestAPI "swagger-api" body operation GET \/ has no security/,
        ],
    },
    {
        program: "examples-aws-ts-apigateway-eventbridge",
        weakness: "raw REST: anonymous POST, no access logs, no throttling, no WAF; EventBridge full access",
        findings: {
            "mandatory apigw-execution-logging stage": 1,
            "advisory apigw-stage-xray-tracing stage": 1,
            "mandatory apigw-method-requires-authorization method": 1,
            "mandatory apigw-public-stage-waf stage": 1,
            "mandatory apigw-stage-access-logging stage": 1,
            "mandatory apigw-stage-throttling stage": 1,
            "mandatory iam-backend-role-least-privilege api-gateway-role": 1,
            "mandatory iam-backend-role-least-privilege lambda": 1,
        },
        messages: [
            /Method "method" \(POST\) has authorization NONE/,
            /Stage "stage" writes no access logs/,
            /Stage "stage" serves a EDGE API with no WAFv2 web ACL/,
        ],
    },
    {
        program: "examples-aws-ts-apigateway-lambda-serverless",
        weakness: "RestAPI: anonymous GET, POST and DELETE /{route+}; CallbackFunction roles with *FullAccess",
        findings: {
            "mandatory apigw-component-stage-unverified hello-world": 1,
            "mandatory apigw-component-routes-authorized hello-world": 3,
            "mandatory iam-backend-role-least-privilege delete-handler": 6,
            "mandatory iam-backend-role-least-privilege get-handler": 6,
            "mandatory iam-backend-role-least-privilege post-handler": 6,
        },
        messages: [/RestAPI "hello-world" route DELETE \/\{route\+\} \(routes\[2\]\) has no authorizers/],
    },
    {
        program: "examples-aws-ts-apigateway",
        weakness: "RestAPI: anonymous GET /{route+}; the handler's role holds LambdaFullAccess",
        findings: {
            "mandatory apigw-component-stage-unverified hello-world": 1,
            "mandatory apigw-component-routes-authorized hello-world": 1,
            "mandatory iam-backend-role-least-privilege GET": 1,
        },
        messages: [
            /RestAPI "hello-world" route GET \/\{route\+\} \(routes\[0\]\) has no authorizers/,
            /Role "GET" \(execution role of Function "GET"\) holds the AWS-managed/,
        ],
    },
    {
        program: "examples-aws-ts-apigatewayv2-eventbridge",
        weakness: "HTTP API: anonymous POST /uploads, no access logs, no default-route throttling",
        findings: {
            "mandatory apigwv2-route-authorization route": 1,
            "mandatory apigwv2-stage-access-logging stage": 1,
            "mandatory apigwv2-stage-throttling stage": 2,
            "mandatory iam-backend-role-least-privilege lambda": 1,
        },
        messages: [
            /Route "route" \(POST \/uploads\) has authorizationType NONE/,
            /Stage "stage" writes no access logs/,
            /Stage "stage" defaultRouteSettings\.throttlingRateLimit is not set/,
        ],
    },
    {
        program: "examples-aws-ts-apigatewayv2-http-api-quickcreate",
        weakness: "quick-create HTTP API: anonymous GET /, unlogged and unthrottled $default stage, an unscoped Lambda permission",
        findings: {
            "advisory lambda-runtime-supported lambdaFunction": 1,
            "mandatory apigwv2-route-authorization httpApiGateway": 1,
            "mandatory apigwv2-stage-access-logging httpApiGateway": 1,
            "mandatory apigwv2-stage-throttling httpApiGateway": 1,
            "mandatory lambda-permission-scoped lambdaPermission": 1,
        },
        messages: [
            /Api "httpApiGateway" is a quick-create HTTP API \(target is set\): API Gateway creates its route GET \/ with no authorizer/,
            /\$default stage with no access logs/,
            /Permission "lambdaPermission"/,
        ],
    },
    {
        program: "examples-aws-ts-apigatewayv2-http-api",
        weakness: "HTTP API: anonymous $default route, no access logs, no default-route throttling (only a route setting)",
        findings: {
            "advisory lambda-runtime-supported lambdaFunction": 1,
            "mandatory apigwv2-route-authorization apiRoute": 1,
            "mandatory apigwv2-stage-access-logging apiStage": 1,
            "mandatory apigwv2-stage-throttling apiStage": 2,
        },
        messages: [/Route "apiRoute" \(\$default\) has authorizationType NONE/, /Stage "apiStage" writes no access logs/],
    },
    {
        program: "examples-aws-ts-lambda-slack",
        weakness: "raw REST: anonymous ANY /, no access logs, no throttling, no WAF",
        findings: {
            "mandatory apigw-execution-logging dev": 1,
            "advisory apigw-stage-xray-tracing dev": 1,
            "mandatory apigw-method-requires-authorization rootMethod": 1,
            "mandatory apigw-public-stage-waf dev": 1,
            "mandatory apigw-stage-access-logging dev": 1,
            "mandatory apigw-stage-throttling dev": 1,
        },
        messages: [/Method "rootMethod" \(ANY\) has authorization NONE/, /Stage "dev" has no stage-wide throttling/],
    },
    {
        program: "examples-aws-ts-serverless-raw",
        weakness:
            "REST from a Swagger body with an anonymous ANY /{proxy+} (unknown at preview), no access logs, no throttling, no WAF, an unscoped Lambda permission",
        findings: {
            "mandatory apigw-execution-logging api-stage": 1,
            "advisory apigw-stage-xray-tracing api-stage": 1,
            "mandatory apigw-method-requires-authorization api": 1,
            "mandatory apigw-public-stage-waf api-stage": 1,
            "mandatory apigw-stage-access-logging api-stage": 1,
            "mandatory apigw-stage-throttling api-stage": 1,
            "mandatory iam-backend-role-least-privilege mylambda-role": 1,
            "mandatory lambda-permission-scoped api-lambda-permission": 1,
        },
        messages: [/cannot be verified at preview: RestApi "api"\.body is unknown/, /Stage "api-stage" writes no access logs/],
    },
    {
        program: "pulumi-aws-apigateway-apigateway-auth",
        weakness: "RestAPI with a Lambda authorizer on its route (passes that rule); CallbackFunction roles with *FullAccess",
        findings: {
            "mandatory apigw-component-stage-unverified my-api": 1,
            "mandatory iam-backend-role-least-privilege authorizer": 6,
            "mandatory iam-backend-role-least-privilege f": 6,
        },
        messages: [/Role "f" \(execution role of Function "f"\) holds the AWS-managed AWSLambda_FullAccess/],
    },
    {
        program: "pulumi-aws-apigateway-apigateway-multi-auth",
        weakness:
            "RestAPI with authorizers on all 20 routes (passes that rule); user pools without MFA or password policy; CallbackFunction roles with *FullAccess",
        findings: {
            "mandatory apigw-component-stage-unverified multi-auth-api": 1,
            "advisory cognito-advanced-security userpoolA": 1,
            "advisory cognito-advanced-security userpoolB": 1,
            "mandatory cognito-mfa userpoolA": 1,
            "mandatory cognito-mfa userpoolB": 1,
            "mandatory cognito-password-policy userpoolA": 1,
            "mandatory cognito-password-policy userpoolB": 1,
            "mandatory cognito-user-pool-deletion-protection userpoolA": 1,
            "mandatory cognito-user-pool-self-sign-up userpoolA": 1,
            "mandatory cognito-user-pool-deletion-protection userpoolB": 1,
            "mandatory cognito-user-pool-self-sign-up userpoolB": 1,
            "mandatory iam-backend-role-least-privilege authorizer": 6,
            "mandatory iam-backend-role-least-privilege f": 6,
        },
        messages: [/UserPool "userpoolA"/],
    },
    {
        program: "pulumi-aws-apigateway-apikeysource",
        weakness: "RestAPI: anonymous GET /; the CallbackFunction role holds *FullAccess policies",
        findings: {
            "mandatory apigw-component-stage-unverified authorizer-api": 1,
            "mandatory apigw-component-routes-authorized authorizer-api": 1,
            "mandatory iam-backend-role-least-privilege f": 6,
        },
        messages: [/RestAPI "authorizer-api" route GET \/ \(routes\[0\]\) has no authorizers/],
    },
    {
        program: "pulumi-aws-apigateway-simple",
        weakness: "RestAPI: anonymous GET /; the CallbackFunction role holds *FullAccess policies",
        findings: {
            "mandatory apigw-component-stage-unverified api": 1,
            "mandatory apigw-component-routes-authorized api": 1,
            "mandatory iam-backend-role-least-privilege f": 6,
        },
        messages: [/RestAPI "api" route GET \/ \(routes\[0\]\) has no authorizers/],
    },
    {
        program: "pulumi-aws-apigateway-tagged-api-gateway",
        weakness: "RestAPI: anonymous GET /; the CallbackFunction role holds *FullAccess policies",
        findings: {
            "mandatory apigw-component-stage-unverified api": 1,
            "mandatory apigw-component-routes-authorized api": 1,
            "mandatory iam-backend-role-least-privilege f": 6,
        },
        messages: [/RestAPI "api" route GET \/ \(routes\[0\]\) has no authorizers/],
    },
];
