/**
 * Twenty ways to try to run script through a chat: markup, event handlers, `javascript:` and
 * `data:` URLs, template syntax, attribute breakouts. Each calls `__xss(n)` if it ever runs.
 */
export const XSS_PAYLOADS = [
  '<script>__xss(1)</script>',
  '<img src=x onerror=__xss(2)>',
  '<svg onload=__xss(3)>',
  '<iframe src="javascript:__xss(4)"></iframe>',
  'javascript:__xss(5)',
  '<a href="javascript:__xss(6)">click me</a>',
  '"><img src=x onerror=__xss(7)>',
  "'><svg/onload=__xss(8)>",
  '<body onload=__xss(9)>',
  '<details open ontoggle=__xss(10)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss(11)>',
  "{{constructor.constructor('__xss(12)')()}}",
  '${__xss(13)}',
  '<input autofocus onfocus=__xss(14)>',
  '<video><source onerror=__xss(15)></video>',
  'data:text/html,<script>__xss(16)</script>',
  '<object data="javascript:__xss(17)"></object>',
  '<style>@import "javascript:__xss(18)";</style>',
  'https://example.org/"><img src=x onerror=__xss(19)>',
  '<marquee onstart=__xss(20)>x</marquee>',
];
