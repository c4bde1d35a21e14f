/**
 * DNS-1123 label: what Kubernetes accepts for Service names and what Docker accepts for
 * container, network and volume names alike. One rule for every target keeps names portable.
 */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const DNS_LABEL_MAX = 63;
