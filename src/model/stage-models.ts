import * as z from 'zod';
import type { Stage, StageModel } from './schema.js';
import { DEFAULT_STAGE_MODEL } from './vocabulary.js';

/** The stage models a config can pick by name (`stageModel`); `custom` is the config's own `stages` list. */
export const StageModelNameSchema = z.enum(['lifecycle', 'aarrr', 'bow-tie', 'flywheel', 'acasl', 'custom']);
export type StageModelName = z.infer<typeof StageModelNameSchema>;

const stage = (id: string, label: string, synonyms: string[]): Stage => ({ id, label, synonyms });

/** Each named stage model, in journey order, with the words teams use for its stages. */
export const STAGE_MODELS: Record<Exclude<StageModelName, 'custom'>, { title: string; model: StageModel }> = {
  lifecycle: { title: 'the 8-stage customer lifecycle (default)', model: DEFAULT_STAGE_MODEL },
  aarrr: {
    title: 'AARRR, the pirate metrics',
    model: {
      stages: [
        stage('acquisition', 'Acquisition', [
          'awareness',
          'attract',
          'discovery',
          'reach',
          'top of funnel',
          'lead generation',
          'lead gen',
          'signup',
          'sign-up',
          'sign up',
          'visit',
        ]),
        stage('activation', 'Activation', ['onboarding', 'activate', 'first value', 'first use', 'aha moment', 'setup', 'getting started', 'welcome']),
        stage('retention', 'Retention', ['engagement', 'engage', 'renewal', 'usage', 'habit', 're-engagement', 'win-back', 'churn prevention']),
        stage('referral', 'Referral', ['refer', 'advocacy', 'word of mouth', 'referrals', 'virality', 'viral', 'invite']),
        stage('revenue', 'Revenue', ['monetization', 'purchase', 'upgrade', 'conversion', 'paid', 'upsell', 'expansion', 'checkout']),
      ],
    },
  },
  'bow-tie': {
    title: 'the bow-tie (Winning by Design): acquisition on the left, recurring impact on the right',
    model: {
      stages: [
        stage('awareness', 'Awareness', ['discovery', 'attract', 'reach', 'top of funnel']),
        stage('education', 'Education', ['interest', 'research', 'consideration', 'nurture', 'evaluation']),
        stage('selection', 'Selection', ['decision', 'evaluation and selection', 'proposal', 'negotiation', 'shortlist']),
        stage('commit', 'Commit', ['purchase', 'close', 'closing', 'contract', 'signature', 'buy', 'sale']),
        stage('onboarding', 'Onboarding', ['activation', 'implementation', 'kickoff', 'kick-off', 'setup', 'welcome', 'go-live']),
        stage('impact', 'Impact', ['adoption', 'value realization', 'recurring impact', 'usage', 'retention', 'renewal', 'success']),
        stage('growth', 'Growth', ['expansion', 'upsell', 'cross-sell', 'advocacy', 'referral', 'expand']),
      ],
    },
  },
  flywheel: {
    title: 'the flywheel (HubSpot): attract, engage, delight',
    model: {
      stages: [
        stage('attract', 'Attract', ['awareness', 'discovery', 'reach', 'acquisition', 'top of funnel']),
        stage('engage', 'Engage', ['engagement', 'consideration', 'decision', 'purchase', 'conversion', 'onboarding', 'sales']),
        stage('delight', 'Delight', ['retention', 'loyalty', 'advocacy', 'service', 'support', 'success', 'renewal', 'expansion', 'referral']),
      ],
    },
  },
  acasl: {
    title: 'awareness, consideration, acquisition, service, loyalty',
    model: {
      stages: [
        stage('awareness', 'Awareness', ['discovery', 'attract', 'reach', 'top of funnel']),
        stage('consideration', 'Consideration', ['evaluation', 'research', 'interest', 'compare', 'comparison']),
        stage('acquisition', 'Acquisition', ['purchase', 'decision', 'conversion', 'buy', 'signup', 'sign-up', 'checkout', 'booking', 'order']),
        stage('service', 'Service', ['onboarding', 'support', 'use', 'usage', 'adoption', 'customer service', 'after-sales', 'after sales']),
        stage('loyalty', 'Loyalty', ['retention', 'advocacy', 'renewal', 'repeat purchase', 'referral', 'loyalty program']),
      ],
    },
  },
};

/** The stages of a named model, copied so a config can extend them. */
export function stageModelNamed(name: Exclude<StageModelName, 'custom'>): StageModel {
  return { stages: STAGE_MODELS[name].model.stages.map((s) => ({ ...s, synonyms: [...s.synonyms] })) };
}
