import { gqlData, tokenFor } from '@hub/common/testing';
import { operation } from './operations.js';

/**
 * Setup through the gateway with the contract's own operations, as a client would: each call
 * must succeed (gqlData fails the test naming the operation) and answers the new id.
 */

export interface HeadInput {
  fullName: string;
  position: string;
  email: string;
}

export interface RegisterOrganizationInput {
  name: string;
  kind: string;
  parentId?: string;
  head: HeadInput;
  [field: string]: unknown;
}

export interface AddOfficialPageInput {
  organizationId: string;
  platform: string;
  url: string;
}

export interface CreateMaterialInput {
  title: string;
  body: string;
  topic: string;
  [field: string]: unknown;
}

/** AudienceInput: both lists empty (the default) means every organization that has official pages. */
export interface AudienceInput {
  kinds?: string[];
  organizationIds?: string[];
}

export async function registerOrganization(gatewayUrl: string, token: string, input: RegisterOrganizationInput): Promise<string> {
  return (await gqlData<{ registerOrganization: { id: string } }>(gatewayUrl, operation('RegisterOrganization'), { input }, token))
    .registerOrganization.id;
}

export async function addOfficialPage(gatewayUrl: string, token: string, input: AddOfficialPageInput): Promise<string> {
  return (await gqlData<{ addOfficialPage: { id: string } }>(gatewayUrl, operation('AddOfficialPage'), { input }, token)).addOfficialPage
    .id;
}

/** A DRAFT material. */
export async function createMaterial(gatewayUrl: string, token: string, input: CreateMaterialInput): Promise<string> {
  return (await gqlData<{ createMaterial: { id: string } }>(gatewayUrl, operation('CreateMaterial'), { input }, token)).createMaterial.id;
}

/** An editor other than any test's author: its author may not approve a material (four eyes, CONTENT_FOUR_EYES). */
export const reviewerToken = () => tokenFor('EDITOR', null, '1h', 'test-reviewer');

/** A material created by `token` and approved by the reviewer, ready to distribute. */
export async function approvedMaterial(gatewayUrl: string, token: string, input: CreateMaterialInput): Promise<string> {
  const id = await createMaterial(gatewayUrl, token, input);
  await gqlData(gatewayUrl, operation('ApproveMaterial'), { id }, await reviewerToken());
  return id;
}

/** A material created, approved and distributed to `audience` at the hub's clock. */
export async function distributedMaterial(
  gatewayUrl: string,
  token: string,
  input: CreateMaterialInput,
  audience: AudienceInput = {},
): Promise<string> {
  const id = await approvedMaterial(gatewayUrl, token, input);
  await gqlData(gatewayUrl, operation('DistributeMaterial'), { id, audience }, token);
  return id;
}
