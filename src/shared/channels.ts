/**
 * The channel names alone, for the preload: it must stay tiny (no zod, no core) because it runs in
 * the sandbox. A unit test checks that this list equals the contract's keys.
 */
export const CHANNEL_NAMES = [
  'app:info',
  'app:notices',
  'settings:get',
  'settings:set',
  'recent:list',
  'recent:details',
  'recent:remove',
  'rules:list',
  'rules:get',
  'project:create',
  'project:createDefault',
  'project:copy',
  'project:open',
  'project:restore',
  'project:setField',
  'project:addFiles',
  'project:updateFile',
  'project:setPages',
  'project:acknowledgeRulePack',
  'project:removeFile',
  'project:moveFile',
  'project:confirm',
  'project:acceptWarning',
  'project:setDates',
  'project:setBindOptions',
  'project:fileBytes',
  'project:scan',
  'bind:start',
  'bind:status',
  'bind:cancel',
  'dialog:chooseFolder',
  'shell:openPath',
  'shell:showInFolder',
  'shell:openExternal',
  // extras
  'profiles:list',
  'profiles:save',
  'profiles:delete',
  'profiles:addDocument',
  'profiles:removeDocument',
  'profiles:apply',
  'profiles:fromProject',
  'alerts:list',
  'alerts:setLicence',
  'securityLog:set',
  'securityLog:check',
  'securityLog:render',
  // output (bind screen)
  'export:start',
  'export:status',
  'export:cancel',
  'output:correctionList',
  'output:packets',
  'shell:print',
  'template:list',
  'template:save',
  'output:packetBytes',
  'fields:validate',
  'submissions:submit',
  'submissions:feedback',
  'submissions:removeRequest',
  'submissions:openPacket',
  'submissions:compare',
  'recognition:read',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Build the API object (one method per channel) over any transport. */
export function buildApi<Api>(invoke: (channel: ChannelName, request: unknown) => Promise<unknown>): Api {
  const api: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const channel of CHANNEL_NAMES) api[channel] = (request: unknown) => invoke(channel, request ?? {});
  return Object.freeze(api) as Api;
}

export const API_GLOBAL = 'matprep';
export function ipcChannelName(channel: string): string {
  return `matprep:${channel}`;
}
