/** Rules on component resources as such, in pack order. */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { remoteComponentUnverified } from "./remote-component-unverified";

export const componentsRules: (ResourceValidationPolicy | StackValidationPolicy)[] = [remoteComponentUnverified];
