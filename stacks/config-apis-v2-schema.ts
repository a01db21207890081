/** The schema of the `httpApis` and `webSocketApis` stack config keys (bounds from the baseline). */
import { API_NAME, AUTHORIZER_TTL, EXECUTION_LOG_LEVELS, HTTP_METHODS, INTEGRATION_TIMEOUT_MS, STAGE_NAME, THROTTLE } from "../policy-pack/baseline";
import { HTTP_AUTH_KINDS, WEBSOCKET_AUTH_KINDS } from "../components";
import { arr, bool, int, num, obj, oneOf, optional, str, tagged } from "./config-schema";

const MIN_RATE = 0.001;
const throttle = obj({ rateLimit: num(MIN_RATE, THROTTLE.maxRateLimit), burstLimit: int(THROTTLE.minBurstLimit, THROTTLE.maxBurstLimit) });
const functionArn = str(/^arn:aws[a-z-]*:lambda:/, "a Lambda function ARN");
const timeoutMs = optional(int(INTEGRATION_TIMEOUT_MS.min, INTEGRATION_TIMEOUT_MS.max));
const domain = optional(
    obj({
        domainName: str(),
        hostedZoneId: optional(str(/^Z[A-Z0-9]+$/, "a Route 53 hosted zone id such as Z0123456789ABC")),
        certificateArn: optional(str(/^arn:aws[a-z-]*:acm:/, "an ACM certificate ARN")),
        basePath: optional(str()),
        mtlsCaBundleFile: optional(str(/\.pem$/, "a path to a .pem file, relative to the project")),
    }),
);

/** `httpApis`: the stack's HTTP APIs. */
export const httpApisSpec = optional(
    arr(
        obj({
            name: str(API_NAME.pattern, API_NAME.expected),
            description: optional(str()),
            stageName: optional(str(STAGE_NAME.pattern, STAGE_NAME.expected)),
            routes: arr(
                obj({
                    path: str(/^\//, "a path starting with /"),
                    method: oneOf(HTTP_METHODS),
                    auth: oneOf(HTTP_AUTH_KINDS),
                    scopes: optional(arr(str())),
                    waiver: optional(str()),
                    throttle: optional(throttle),
                    integration: tagged("kind", {
                        http: obj({ uri: str(/^https:\/\//, "an https:// URL (plaintext http:// is refused)"), timeoutMs }),
                        lambda: obj({ functionArn }),
                    }),
                }),
                1,
            ),
            lambdaAuthorizer: optional(
                obj({
                    functionArn,
                    identitySources: optional(arr(str(), 1)),
                    resultTtlSeconds: optional(int(AUTHORIZER_TTL.min, AUTHORIZER_TTL.max)),
                }),
            ),
            cors: optional(bool()),
            throttle: optional(throttle),
            domain,
            /** Accepted only to be refused with the reason: AWS WAF cannot be associated with HTTP APIs. */
            waf: optional(obj({ enabled: optional(bool()), rateLimit: optional(int()) })),
        }),
        1,
    ),
);

/** `webSocketApis`: the stack's WebSocket APIs. */
export const webSocketApisSpec = optional(
    arr(
        obj({
            name: str(API_NAME.pattern, API_NAME.expected),
            description: optional(str()),
            stageName: optional(str(STAGE_NAME.pattern, STAGE_NAME.expected)),
            routeSelectionExpression: optional(str(/^\$request\.body\.[A-Za-z0-9_.]+$/, "a $request.body.FIELD expression such as $request.body.action")),
            connectAuth: oneOf(WEBSOCKET_AUTH_KINDS),
            connectWaiver: optional(str()),
            lambdaAuthorizer: optional(obj({ functionArn, identitySources: optional(arr(str(), 1)) })),
            routes: arr(obj({ routeKey: str(), functionArn, throttle: optional(throttle) }), 1),
            throttle: optional(throttle),
            executionLevel: optional(oneOf(EXECUTION_LOG_LEVELS)),
            domain,
            waf: optional(obj({ enabled: optional(bool()), rateLimit: optional(int()) })),
        }),
        1,
    ),
);
