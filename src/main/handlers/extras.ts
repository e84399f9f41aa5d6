/**
 * Handlers for company profiles, the 三色预警 dashboard and the security-update log. Thin: dispatch
 * has parsed the request; each handler calls core and returns a fresh ProjectView where the
 * project changed.
 */
import type { HandlerContext, Handler } from './types';
import { openProject } from '../../core/project/store';
import { listRulePacks } from '../../core/rules/loader';
import {
  profileStore,
  listProfiles,
  getProfile,
  saveProfile,
  deleteProfile,
  addLibraryDocument,
  removeLibraryDocument,
  applyProfile,
  createProfileFromProject,
} from '../../core/profiles';
import { expiryAlerts } from '../../core/alerts';
import { gatherAlertInputs } from '../../core/alerts/gather';
import { setGrantedLicence } from '../../core/alerts/licence';
import { setSecurityLog, checkSecurityLog, attachSecurityTimeline } from '../../core/security-log';

export function extrasHandlers(ctx: HandlerContext) {
  const profiles = profileStore(ctx.store, ctx.deps.userDataDir);

  const { view, packOf } = ctx;
  const handlers: {
    'profiles:list': Handler<'profiles:list'>;
    'profiles:save': Handler<'profiles:save'>;
    'profiles:delete': Handler<'profiles:delete'>;
    'profiles:addDocument': Handler<'profiles:addDocument'>;
    'profiles:removeDocument': Handler<'profiles:removeDocument'>;
    'profiles:apply': Handler<'profiles:apply'>;
    'profiles:fromProject': Handler<'profiles:fromProject'>;
    'alerts:list': Handler<'alerts:list'>;
    'alerts:setLicence': Handler<'alerts:setLicence'>;
    'securityLog:set': Handler<'securityLog:set'>;
    'securityLog:check': Handler<'securityLog:check'>;
    'securityLog:render': Handler<'securityLog:render'>;
  } = {
    'profiles:list': () => listProfiles(profiles),
    'profiles:save': (input) => saveProfile(profiles, input),
    'profiles:delete': async ({ id }) => {
      await deleteProfile(profiles, id);
      return { ok: true as const };
    },
    'profiles:addDocument': ({ profileId, key, file, part, issuedOn, validUntil, password }) =>
      addLibraryDocument(profiles, profileId, key, file, { part, issuedOn, validUntil, password }),
    'profiles:removeDocument': ({ profileId, documentId }) => removeLibraryDocument(profiles, profileId, documentId),
    'profiles:apply': async ({ dir, profileId }) => {
      const profile = await getProfile(profiles, profileId);
      const { project } = await applyProfile(dir, await packOf(dir), profile, profiles);
      return view(project);
    },
    'profiles:fromProject': async ({ dir }) => createProfileFromProject(profiles, await openProject(dir)),
    'alerts:list': async () => {
      const ws = await ctx.workspace();
      const rules = await listRulePacks(ws.rulesDirs, { locale: ws.locale });
      const recent = (await ctx.store.read()).recent;
      const { inputs, unchecked } = await gatherAlertInputs(recent, { open: openProject, rules }, ws.locale);
      return { alerts: expiryAlerts(inputs, ws.today, ws.locale), unchecked };
    },
    'alerts:setLicence': async ({ dir, number, grantedOn, validUntil }) =>
      view(await setGrantedLicence(dir, { number, grantedOn, validUntil })),
    'securityLog:set': async ({ dir, entries }) => view(await setSecurityLog(dir, entries)),
    'securityLog:check': async ({ dir }) => {
      const ws = await ctx.workspace();
      const { doc } = await openProject(dir);
      return checkSecurityLog(doc.securityLog ?? [], ws.today);
    },
    // The chart goes into a packet for a Chinese authority, so it is drawn in Chinese whatever the UI language.
    'securityLog:render': async ({ dir }) =>
      view(await attachSecurityTimeline(dir, await packOf(dir), { today: (await ctx.workspace()).today })),
  };
  return handlers;
}
