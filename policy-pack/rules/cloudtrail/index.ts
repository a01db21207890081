/** CloudTrail rules, in pack order. */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { cloudtrailManagementEvents } from "./cloudtrail-management-events";
import { cloudtrailCloudwatchDelivery } from "./cloudtrail-cloudwatch-delivery";
import { cloudtrailSecureTrail } from "./cloudtrail-secure-trail";

export const cloudtrailRules: (ResourceValidationPolicy | StackValidationPolicy)[] = [
    cloudtrailSecureTrail,
    cloudtrailCloudwatchDelivery,
    cloudtrailManagementEvents,
];
