/** What went wrong, said in the reader's language; the server's own message is kept as detail. */
import { ApiFailure } from '../lib/api.ts';
import type { Lang } from './messages.ts';

const TEXT: Record<string, { zh: string; en: string }> = {
  unauthorized: { zh: '需要登录，或用户名、密码不正确', en: 'Sign-in needed, or wrong username or password' },
  forbidden: { zh: '当前账号没有此权限', en: 'This account may not do that' },
  csrf: { zh: '会话已失效，请刷新页面后重试', en: 'The session is stale: reload the page and try again' },
  conflict: { zh: '其他编辑者已先修改', en: 'Someone else changed it first' },
  not_found: { zh: '找不到该项目', en: 'Not found' },
  bad_request: { zh: '输入有误', en: 'Invalid input' },
  too_many_attempts: { zh: '登录失败次数过多，请稍后再试', en: 'Too many failed sign-ins; try again later' },
  busy: { zh: '同时登录的人太多，请稍后几秒再试', en: 'Too many sign-ins at once; try again in a few seconds' },
  same_status: { zh: '状态未改变：新状态与当前状态相同', en: 'Nothing changed: that is already the status' },
  payload_too_large: { zh: '内容过长', en: 'Too long' },
  version_required: { zh: '缺少版本信息，请刷新后重试', en: 'Version missing: reload and try again' },
};

export function errorText(err: unknown, lang: Lang): string {
  if (err instanceof ApiFailure) {
    const known = TEXT[err.body?.error?.code ?? ''];
    const field = err.body?.error?.field ? ` (${err.body.error.field})` : '';
    return known ? `${known[lang]}${field}` : err.message;
  }
  if (err instanceof TypeError) return lang === 'zh' ? '无法连接服务器' : 'Cannot reach the server';
  return err instanceof Error ? err.message : String(err);
}
