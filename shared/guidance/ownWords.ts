import { matchesOf, type Hit, type Prepared } from './matcher.js';
import type { SignalKind } from './lexicons.js';

/**
 * Whether a signal word (media, courts, police, regulator, social media, safety, a threat, a demand
 * for someone higher up) is the customer's own act: not a word inside another word (工商银行 is a bank, not 工商), not what staff
 * said ("客服说可以打12315"), not a denial ("我并没有打算报警") and not a hedged "if ever"
 * ("如果下次再这样，我可能会考虑找媒体"). An ultimatum stays a threat: "再不解决我就找媒体" has no hedge.
 */
export function isCustomersOwn(p: Prepared, hit: Hit, negators: readonly string[], kinds: readonly SignalKind[] = []): boolean {
  const sentence = sentenceBefore(p, hit);
  const after = sentenceAfter(p, hit);
  return !(
    insideLookalike(p, hit) ||
    // A danger staff name is still a danger ("the recovery driver said the wheel could have come off").
    (!kinds.includes('safety') && staffSaidIt(p, sentence) && !ANSWERED_IN_KIND.test(p.text.slice(hit.end, hit.end + 40))) ||
    deniedIntent(p, hit, negators) ||
    (!kinds.includes('safety') && DENIED_NEXT[p.script].test(p.text.slice(hit.end))) ||
    hedgedHypothetical(p, sentence, !kinds.includes('threat'), ` ${after} `) ||
    joking(p, hit) ||
    averted(p, hit, sentence) ||
    (!kinds.includes('safety') && whoTheyAre(p, hit, sentence)) ||
    askingAdvice(p, hit, sentence) ||
    (p.script === 'en' && DELIBERATED_EN.test(` ${sentence.trim()} `)) ||
    quotedFromOthers(p, hit) ||
    (!kinds.includes('safety') && NOT_AGAINST_YOU[p.script].test(`${sentence} ${after}`)) ||
    OWN_FAULT[p.script].test(`${sentence} ${after}`)
  );
}

/** An act argued over, not taken or threatened: "arguing with her about calling the cops", "we argued about whether to call the police". */
const DELIBERATED_EN = / (argu\w*|debat\w*|discuss\w*|disagree\w*)( with [a-z]+)? (about|over)( whether( or not)?( to)?)?( [^ .,!?;:]+){0,2} $/;

/** The act said to be no matter of the business's (报警是因为楼下有人吵架，不怪你们; "called the police …, not your fault"). */
const NOT_AGAINST_YOU = {
  zh: /不怪你们|不是你们的(错|问题|责任)|跟你们没关系|和你们没关系|与你们无关|和你们无关|跟你们无关/,
  en: / (not your fault|nothing to do with you|not because of you|not about you|not blaming you|no fault of yours) /,
} as const;

/** A mishap the customer owns (烫到嘴了，怪我自己太心急; "burned my tongue, my own fault lol"): no danger of the business's making. */
const OWN_FAULT = {
  zh: /怪我自己|怪自己|是我自己的(错|问题)|(我|是我)自己不小心|自己没注意/,
  en: / (my own fault|my fault|my bad|my own stupidity|my own mistake|on me , not|i should have (waited|been more careful|looked)) /,
} as const;

/** A danger that was none (火警只是演习, "it was just a test", "false alarm"): no banner. */
const FALSE_ALARM = {
  zh: /^[^。！？]{0,20}((只是|原来是|就是|不过是)(一场|一次)?(演习|演练|测试|误报)|虚惊一场|是误报)/,
  en: /^[^.!?]{0,60}?( [.!?,;] | )((it was|it's|that was|turned out to be|it turned out to be)( just| only)? (a |an )?(test|drill|false alarm)|(just|only) (a |an )?(test|drill|false alarm)|(a )?false alarm)\b/,
} as const;
export const falseAlarm = (p: Prepared, hit: Hit): boolean => FALSE_ALARM[p.script].test(p.text.slice(hit.end, hit.end + 120));

/** An act put to the customer and turned down in the next breath ("…says I should sue you. I don't want that."). */
const DENIED_NEXT = { zh: /^[^。！？]{0,30}[。！？]\s*(我|我们)(不想|不要|不打算)(这样|这么做)/, en: /^[^.!?]{0,80} [.!?] (i|we) (don't|do not|won't|will not) (want|do) (that|this)\b/ } as const;

/** An act the customer was about to take and did not, the matter put right first (本来都准备打12315了，结果…; "I was about to leave a one-star review, but the owner phoned"). */
const ABOUT_TO = { zh: /本来|原本|本想|原想|差点|差一点/, en: / ((was|were) (about|going|all set|ready|planning|tempted) to|(nearly|almost)|instinct was to) / };
const BUT_THEN = { zh: /^[^。！？]{0,30}?(结果|但是?|可是|不过|没想到|后来|后经|幸好|还好|作罢)/, en: /^[^.!?]{0,80}?( (but|until|then|however|luckily|thankfully) | [.!?] (got|then|but|luckily|thankfully|fortunately|however|instead) )/ };
function averted(p: Prepared, hit: Hit, sentence: string): boolean {
  return ABOUT_TO[p.script].test(p.script === 'en' ? ` ${sentence} ` : sentence) && BUT_THEN[p.script].test(p.text.slice(hit.end));
}

/** Others asked how it is done (请问…是先找平台还是直接打12315？, "Has anyone taken a landlord to small claims?"): a question, not a threat. */
const ADVICE_ASKED = { zh: /请问|请教|求助|求问|问个问题|有没有人|有没人|有经验的|经历过的|求建议|想问|问一下|问下|请益|求教|有冇|大大|师兄|板上/, en: / (any advice|anyone know|does anyone|has anyone|what's the (best|most effective) way|how (do|should) i word|worth it|should i) / } as const;
/** Or told to others as advice (分享一下正确的投诉方式：…不行再打12315). */
const ADVICE_GIVEN = { zh: /分享一下|经验分享|亲测有效|小贴士|攻略|建议大家/, en: / (pro tip|psa|tip :) / } as const;
function askingAdvice(p: Prepared, hit: Hit, sentence: string): boolean {
  if (ADVICE_GIVEN[p.script].test(p.script === 'en' ? ` ${sentence} ` : sentence)) return true;
  // The hit's own sentence must be the question (not "I'll take it to the ombudsman. Has anyone done this?").
  const rest = (p.script === 'en' ? /^[^.!?\n]*\?/ : /^[^。！!\n]*?[？?]/).exec(p.text.slice(hit.end));
  // The question may have begun a sentence earlier (想请问…找消保官有用吗？还是要先寄存证信函？).
  const asked = p.script === 'en' ? ` ${p.text.slice(Math.max(0, hit.start - 160), hit.start)} ${rest?.[0]} ` : p.text.slice(Math.max(0, hit.start - 60), hit.start) + rest?.[0];
  return rest !== null && ADVICE_ASKED[p.script].test(asked);
}

/** "我是律师", "我在电视台工作", "I work at a TV station": who the customer is, not what they will do (unless they say they will write it up). */
const IDENTITY = {
  zh: /我(的?(老公|老婆|男友|女友|男朋友|女朋友|朋友|哥哥?|姐姐?|弟弟?|妹妹?|儿子|女儿|爸爸?|妈妈?|表哥|表姐|同学|同事|家人|亲戚))?(是|在|就是|本身是|也是)[^，,]{0,4}$/,
  en: / (i( am|'m| work| worked) (at |for |as |in )?(a |an |the |one )?|((my|our) (brother|sister|cousin|friend|son|daughter|dad|father|mum|mom|mother|husband|wife|partner|uncle|aunt|neighbour|neighbor|colleague|mate|flatmate|brother-in-law|sister-in-law|son-in-law|daughter-in-law)|he|she|who)('s| is| was| works as| worked as) (a |an ))(local )?$/,
};

/** The customer who will write it up themselves ("I'm a journalist … I will be writing about this", 我是记者…我会写出来). */
const PUBLISHES = {
  zh: /我(会|要|就|马上)[^，。！？]{0,4}(写出来|写成|报道|发出来|发文|发稿)/,
  en: / i (will|'ll|am going to|'m going to)( be)? (write|writing|report|reporting|publish|publishing|cover|covering) (about|on)? ?(this|it|you|your|what)/,
} as const;

function whoTheyAre(p: Prepared, hit: Hit, sentence: string): boolean {
  // 我在朋友圈发帖了 says where the customer posted, not where they work.
  const actsThere = p.script === 'zh' && /^[^，。！？]{0,2}(发|吐槽|曝光|写|晒|贴|更新|投诉|举报|直播)/.test(p.text.slice(hit.end));
  return IDENTITY[p.script].test(lastClause(p, sentence)) && !PUBLISHES[p.script].test(p.text.slice(hit.end)) && !actsThere;
}

/** The sentence's last clause; in English padded with spaces, as the patterns match whole words. */
function lastClause(p: Prepared, sentence: string): string {
  const clause = sentence.split(/[，,；;：:]/).pop()!;
  return p.script === 'en' ? ` ${clause.trim()} ` : clause;
}

/**
 * The clause just before a hit: in Chinese up to twelve characters back; in English (" w1 w2 . w3 ")
 * back to the last punctuation token, padded with spaces.
 */
export function clauseBefore(p: Prepared, hit: Hit): string {
  if (p.script === 'zh') return p.text.slice(Math.max(0, hit.start - 12), hit.start).split(/[，。！？；：,.!?;:、\n]/).pop()!;
  return ` ${p.text.slice(0, hit.start).split(/ [,.!?;:](?= )/).pop()!.trim()} `;
}

/** Words that contain a signal word and mean something else. */
const LOOKALIKES = {
  zh: [
    '工商银行', '工商管理', '值得上新闻', '该上新闻', '值得上热搜', '工商注册', '个体工商户', '工商时间', '记者证', '新闻联播', '热搜榜单', '转发微博', '新闻频道', '住院部', '住院楼', '住院处',
    // Endless (没完没了), unfinished (没完成, 没完全) is no "这事没完".
    '没完没了', '没完成', '没完全', '没完工', '没完结', '有完没完',
    // An alarm on a device is no call to the police (燃气报警器).
    '报警器', '报警灯', '报警声', '报警装置', '报警系统', '报警按钮',
    // A camera's exposure.
    '曝光过度', '曝光不足', '曝光度', '曝光准确', '曝光补偿', '曝光时间', '曝光模式', '曝光参数', '曝光值', '曝光正常', '曝光控制', '曝光均匀', '自动曝光', '手动曝光', '长曝光', '多重曝光', '包围曝光',
  ],
  en: ['need a copy of the police report', 'get a copy of the police report', 'explosion of', 'dangerous precedent', 'unsafe giving', 'unsafe sharing', 'unsafe to give', 'unsafe to share', 'your post on facebook', 'your post on instagram', 'your ad on facebook', 'your page on facebook', 'your post on twitter', 'check with your supervisor', 'check with your manager', 'ask your supervisor', 'ask your manager', 'food court', 'tennis court', 'basketball court', 'dumpster fire', 'fire sale', 'burnt out', 'burned out', 'hurt my feelings', 'hurts my feelings', 'smoke and mirrors'],
} as const;

/**
 * A stay in hospital, or a symptom, is a danger the business made only with a cause told near it (吃了…住院,
 * 热得差点进医院, 吃完就拉肚子, "ended up in hospital after the heater sparked", "swollen after the facial"):
 * 爸爸住院第五天, 今天拉肚子没力气 and "my mother is in hospital, so I could not come in" are no incident.
 */
const HARM_NEEDING_A_CAUSE = {
  zh: /住院|送医|送院|医院|急诊|急症|看医生|误吞|误食|吞下|窒息|噎住|卡在(喉咙|嗓子)|拉肚子|腹泻|腹痛|呕吐|胃肠炎|肚泻|肚屙|过敏|红肿|疹|皮炎|肿|淤青|瘀青|擦伤|跌倒|流鼻血|头晕|出血|晕倒|晕低/,
  en: /hospital|emergency room|a&e|ambulance|swollen|swelling|rash|hives|bruis|vomit|throwing up|diarrh|concussion|fractured|broke (his|her|my)|chok|wheezing|violently ill|sick all night|swallowed|x-ray|chest infection|became infected|pressure sore/,
} as const;
const HARM_CAUSE = {
  zh: /等到|饮用水|水质|喝水|吃了|喝了|吃完|喝完|就餐后|用餐后|食用后|饮用后|食完|食了|吃出|吃到|喝到|吃坏|喝坏|用了|用完|使用|服用|术后|甲醛|磕|碰|扎到|扎得|扎破|捏|燃气|报警器|因为|由于|导致|害|被(?!保险|保人|告|申请|投诉|执行)|烫|摔|砸|撞|触电|电到|炸|过敏|中毒|差点|搞得|弄得|[热冷冻晒熏呛]得|拉肚子|腹泻|呕吐|吐了|受伤|伤|割|夹|困|掉|漏|着火|起火|冒烟|煤气|燃气|变质|过期/,
  en: / (ate|eaten|eating|drank|drinking|had (the|a|an|some|our|my)|allerg\w*|epipen|auto-injector|tablets|medication|medicine|pills|after|because|from|due|caused|causing|burn\w*|shock\w*|fell|fall\w*|slipped|tripped|struck|cut|poison\w*|food|allergic|reaction|sick|injur\w*|hurt|fire|smoke|gas|leak\w*|collapsed|crash\w*|spark\w*|exploded|undercooked|raw|pink|cold|heat|heating|mould|mold|damp|magnet|pothole|trolley) /,
} as const;

export function harmWithoutCause(p: Prepared, hit: Hit): boolean {
  if (!HARM_NEEDING_A_CAUSE[p.script].test(hit.term)) return false;
  const [before, after] = p.script === 'zh' ? [40, 16] : [240, 80];
  const around = `${p.text.slice(Math.max(0, hit.start - before), hit.start)} ${p.text.slice(hit.end, hit.end + after)}`;
  return !HARM_CAUSE[p.script].test(around);
}

/** A hotline's digits as part of an order number, an address or a room: 尾号12315, 1999巷, 315房间. */
const NUMBER_AROUND = { before: /((订单|单号|编号|尾号|号码|房间|门牌|地址)[是为：:]?|\d)$/, after: /^([\d]|[巷弄号室楼栋房])/ };

/** A part burnt out (电机就烧了, 保险丝烧了) is a fault, not a fire. */
const PART_BEFORE_BURNT = /(电机|马达|保险丝|主板|灯泡|灯管|电源|压缩机|芯片|电路板|线路板|电容|内存卡|显卡|硬盘)[^，。！？]{0,2}$/;

/** A camera's exposure (这台相机曝光很准, 手机拍夜景曝光偏暗) is a photograph's light, not a story made public. */
const CAMERA_BEFORE_EXPOSURE = /(相机|镜头|拍照|拍摄|拍出来|照片|摄像头|单反|微单|夜景|画面|成像|人像|自拍|逆光|测光)[^，。！？]{0,6}$/;
const PHOTO_AFTER_EXPOSURE = /^(很|非常|比较|有点|稍微|略|太|也)?(准|不准|偏[亮暗高低]|过[度曝]|不足|正常|均匀|合适|到位)/;

function insideLookalike(p: Prepared, hit: Hit): boolean {
  if (p.script === 'zh' && hit.term.startsWith('烧') && PART_BEFORE_BURNT.test(p.text.slice(Math.max(0, hit.start - 6), hit.start))) return true;
  if (p.script === 'zh' && hit.term === '曝光' && (CAMERA_BEFORE_EXPOSURE.test(p.text.slice(Math.max(0, hit.start - 10), hit.start)) || PHOTO_AFTER_EXPOSURE.test(p.text.slice(hit.end, hit.end + 6)))) return true;
  if (/^\d+$/.test(hit.term) && (NUMBER_AROUND.before.test(p.text.slice(Math.max(0, hit.start - 4), hit.start).trim()) || NUMBER_AROUND.after.test(p.text.slice(hit.end).trim()))) return true;
  for (const word of LOOKALIKES[p.script]) {
    const offset = word.indexOf(hit.term);
    if (offset < 0) continue;
    const start = hit.start - offset;
    if (start >= 0 && p.text.startsWith(word, start)) return true;
  }
  return false;
}

const SENTENCE_END = /[。！？!?\n]|\.(?=\s)/g;

/** Where each sentence of a text starts, found once per text: a long letter has many signal words to place. */
const sentenceStarts = new WeakMap<Prepared, number[]>();

/** The sentence up to the hit. */
function startsOf(p: Prepared): number[] {
  let starts = sentenceStarts.get(p);
  if (!starts) sentenceStarts.set(p, (starts = [0, ...matchesOf(p.text, SENTENCE_END).map((m) => m.index + m[0].length)]));
  return starts;
}

function sentenceBefore(p: Prepared, hit: Hit): string {
  let start = 0;
  for (const at of startsOf(p)) {
    if (at > hit.start) break;
    start = at;
  }
  return p.text.slice(start, hit.start);
}

/** The rest of the hit's sentence, without its closing mark (every mark is one character). */
function sentenceAfter(p: Prepared, hit: Hit): string {
  const next = startsOf(p).find((at) => at > hit.end);
  return p.text.slice(hit.end, next === undefined ? undefined : next - 1);
}

// A member of staff (or "they", a neighbour, the man ahead in the queue) said it; "我跟客服说" is the customer speaking to staff, so not that.
const STAFF_SAID = {
  zh: /(?<![跟对和向给])(店员|客服|职员|前台|工作人员|营业员|柜员|师傅|维修工|经理|主管|你们的人|对方|他们|邻居|朋友|别人|有人|卖家|商家|店家|老板|司机|快递员|物业|保安|警卫|房东|平台|列车长|站务|经纪人|家人)[^，。！？]{0,8}?(说|告诉我|建议|让我|叫我|提醒我|提醒|问我|问要不要|主动提出|一句|劝我|劝|表示|声称|称)/,
  en: / (agent|representative|rep|staff|employee|manager|clerk|cashier|receptionist|teller|technician|engineer|they|neighbour|neighbor|friend|man|woman|guy|lady|customer|someone|somebody|he|she|landlord|seller|dealer|boss|waiter|waitress|server|bartender|driver|installer|advisor|adviser|salesman|salesperson|assistant|owner|chef|host|hostess|guard|security|valet|courier|operator|officer) (\S+ ){0,6}?(told|said|says|saying|suggested|advised|recommended|mentioned|shouting|shouted|yelling|yelled|threatening|threatened) | (he'd|she'd|he'll|she'll|they'd|they'll) /,
};

/**
 * Someone else's story (有人去消协投诉了, 看新闻说, a repost's 原博：…视频曝光, "I read in the news that someone sued", "I heard
 * on the radio that people are suing"), staff's help ("they called the police for us") or the developers' own posts.
 */
const OTHERS_STORY = {
  zh: /((?<!没)有人|别人家|有个[男女]?的?人?|新闻(上|里)?说|看新闻说?)[^，。！？]{0,6}$|(?<![跟对和向给叫让找请])(店员|服务员|职员|工作人员|保安|店家|商家|老板|经理|邻居|他们|对方)(最后|直接|已经|马上|立刻|即刻|即时|随即|就|也|都|还|赶紧)?$|(已经|已|都)帮我们?$/,
  // Someone as the subject ("someone sued", "I read that someone called the police"), not "transfer me to someone higher up".
  en: /(^| (that|when|after|because|and|but|so|where|how|heard|saw|read)) (someone|somebody|people|other customers|others|a (man|woman|guy|lady|customer|passenger|family|couple)) (\S+ ){0,3}$| (in|on) the (news|radio) that |(^| )(they|staff|the staff|the manager|the hotel|reception|security) (called|phoned|rang|contacted|got) (the )?$|(^| )(the )?(devs|developers|company|brand) (are |were |keep |kept )?(posting|tweeting|posted|tweeted)( [^ .,!?;:]+){0,3} $|(?<! (i|we|i'm|we're|am|are|i've|we've)) (threatens|threatened|threatening)( to)? $| (told|tells|has told|have told) (parents|customers|everyone|tenants|residents)( that)? (it|they|he|she) (will|would|could) (take|go|call)?( [^ .,!?;:]+){0,2} $| (my|our) (neighbour|neighbor|friend|husband|wife|partner|son|daughter|mum|mom|dad|sister|brother|colleague) (wants|wanted|plans|planned) to( [^ .,!?;:]+){0,8} $/,
};

/** Someone else went to the press, the police or a regulator; someone else hurt is still a danger, so safety does not ask this. */
export function someoneElsesAct(p: Prepared, hit: Hit): boolean {
  const sentence = sentenceBefore(p, hit);
  return (
    OTHERS_STORY[p.script].test(p.script === 'en' ? ` ${sentence.trim()} ` : lastClause(p, sentence)) ||
    (p.script === 'zh' && (REPOSTED.test(sentence) || (ACT_VERB_ZH.test(hit.term) && AGAINST_THE_CUSTOMER.test(p.text.slice(hit.end, hit.end + 2)))))
  );
}
/** An act against the customer (催收说要起诉我, 要告我, 报警抓我): someone else's threat, the customer's grievance. Not 记者我已经联系好了. */
const ACT_VERB_ZH = /(起诉|告|报警|曝光|举报|投诉|报案)$/;
const AGAINST_THE_CUSTOMER = /^(我(?!们)|抓我)/;
/** What a repost quotes from the original post: 原博：某奶茶店后厨视频曝光. */
const REPOSTED = /原博[：:][^，。！？]{0,14}$/;

/** The customer answering in kind: "he said he'd call his lawyer, so I'm calling mine". */
const ANSWERED_IN_KIND = /^[^.!?]{0,12}\b(i'm|i am|i'll|i will|we're|we'll) (calling|getting|contacting|hiring|calling in) (mine|my own|ours|our own)\b/;

/** Staff's words govern the clause they are in: "师傅说好昨天上门一直没来，再不解决就找记者" is the customer's threat. */
function staffSaidIt(p: Prepared, sentence: string): boolean {
  const clause = lastClause(p, sentence);
  // "My son-in-law says we should sue you": what someone said the customer will do is still the customer's.
  return STAFF_SAID[p.script].test(clause) && !(p.script === 'en' && / ((says|said|thinks) (that )?(we|i) (should|will|must|have to|are going to|am going to)|i (told|warned) (him|her|them)) /.test(clause));
}

// What may stand between a negator and the act it denies: 没有打算去报警, "not going to call the police".
const INTENT = {
  zh: /(打算|准备|想要|想过|想|要|会|去|再|考虑|立刻|马上|直接|真的|就|把事情|把这事|把事)+$/,
  en: /( (going|plan|planning|want|wanting|intend|intending|to|call|contact|go|the|a|my|any|ever|really|actually))+ $/,
};

/** An intent denied however far the act stands from it in the clause: 不想为了两百块闹到派出所, "I don't want to get the police involved". */
const UNWANTED = {
  zh: /(不想|没想|不打算|没打算|不愿意?|并不想|也不想|不至于|不是想|不是要|没必要)[^，。！？；]{0,16}$/,
  en: / ((don't|do not|didn't|did not|never) (want|wanted|intend|intended|plan|planned|mean|meant) to|(not|never) (gonna|(going|trying|planning|about|looking) to)|no (intention|plans?|wish|desire) (of|to)|(don't|do not) wish to|not interested in|not worth|(have not|haven't|has not|hasn't|did not|didn't|never) (posted|called|contacted|gone|reported|told|shared|put|rung|phoned))( (?!but )[^ .,!?;:]+){0,9} $/,
};

function deniedIntent(p: Prepared, hit: Hit, negators: readonly string[]): boolean {
  if (UNWANTED[p.script].test(p.script === 'zh' ? p.text.slice(Math.max(0, hit.start - 24), hit.start) : clauseBefore(p, hit))) return true;
  const clause = clauseBefore(p, hit);
  const stripped = clause.replace(INTENT[p.script], p.script === 'en' ? ' ' : '');
  if (stripped === clause) return false;
  return p.script === 'zh' ? negators.some((n) => stripped.endsWith(n)) : negators.some((n) => stripped.endsWith(` ${n} `));
}

// 以后 opening a clause (以后再这样, 你们以后…) is some day to come; after a deed (吃了你们的凉菜以后) it tells when it happened.
const SOME_DAY_ZH = '以后(?<=(?:^|[，。！？；,.!?;\\s我你他她们])以后)';
const CONDITIONAL = { zh: new RegExp(`如果|要是|假如|万一|下次|${SOME_DAY_ZH}|将来`), en: / (if|next time|should this|in future|in the future) / };
const HEDGE = { zh: /可能|也许|或许|考虑|说不定|不排除/, en: / (would|i'd|we'd|might|may|probably|perhaps|maybe|consider|considering) / };

/** The trouble coming back some day (下次再这样, "if they ever…", "if it happens again"): a threat about then is no threat now. */
const RECURRENCE = { zh: new RegExp(`下次|下回|${SOME_DAY_ZH}|今后|将来`), en: / (ever|again|a second time|another time|next time) / };

/**
 * A trouble that has not happened (如果质量有问题我会去消协, 要是出了故障…): the act waits on it. Not one that goes on
 * (如果还有问题, 再出问题) or is left unsolved (如果有问题不解决): that is an ultimatum.
 */
const TROUBLE_SUPPOSED = /(如果|要是|假如|万一|若是?)(以后|今后|将来|日后)?[^，。！？还再又仍]{0,6}(有|出了?|出现|发现)[^，。！？还再又仍]{0,4}(问题|故障|毛病)(?![^，。！？]{0,3}(不|没有?人?|未|无人)(解决|处理|修|退|赔|给|管|回|理))/;

/** The trouble word is the supposed trouble itself (如果质量有问题…, 要是以后出了故障…): no fault to hear. */
export function supposedTrouble(p: Prepared, hit: Hit): boolean {
  if (p.script !== 'zh') return false;
  const before = clauseBefore(p, hit);
  const found = TROUBLE_SUPPOSED.exec(before + p.text.slice(hit.start, hit.end + 8));
  return found !== null && found.index + found[0].length === before.length + hit.end - hit.start;
}

/** A threat of harm stays one however far off (下次再让我遇到，他就给我等着瞧); only an act on a channel waits for "next time". */
function hedgedHypothetical(p: Prepared, sentence: string, recurrenceCounts = true, rest = ''): boolean {
  const text = p.script === 'en' ? ` ${sentence.trim()} ` : sentence;
  if (CONDITIONAL[p.script].test(text) && (HEDGE[p.script].test(text) || (recurrenceCounts && RECURRENCE[p.script].test(text)))) return true;
  if (p.script === 'zh' && recurrenceCounts && TROUBLE_SUPPOSED.test(text)) return true;
  // What the customer would do, were things otherwise: "I'd call the police on it if I could", "I'd call a lawyer but…".
  return p.script === 'en' && COUNTERFACTUAL_BEFORE.test(lastClause(p, sentence)) && COUNTERFACTUAL_AFTER.test(rest);
}
const COUNTERFACTUAL_BEFORE = / (i'd|we'd|i would|we would)( [^ .,!?;:]+){0,4} $/;
const COUNTERFACTUAL_AFTER = /^[^.!?]{0,60}? (if(?! you)|but|were|except) /;

/** Said as a joke, and said so (建议大家直接报警抓老板（误）, 五星好评（bushi）, "I should ring Today Tonight on you lot. Kidding."). */
const JOKING = /^[^。！？!?\n]{0,20}[（(](误|bushi|開玩笑|开玩笑)[）)]/;
const JOKING_AFTER_EN = /^[^.!?]{0,60} [.!?] (just )?(kidding|joking|jk)\b/;
const joking = (p: Prepared, hit: Hit) =>
  p.script === 'zh'
    ? JOKING.test(p.text.slice(hit.end)) || /开玩笑[^，。！？]{0,6}$/.test(p.text.slice(Math.max(0, hit.start - 10), hit.start))
    : JOKING_AFTER_EN.test(p.text.slice(hit.end));

const WORKS_AGAIN_EN = / (works?|working|worked|fine|normal|running|back up|online|ever|ordering|buying|order|buy|ordered|bought|purchasing|booking|booked) $/;
/** What the customer will or will never do again: "never again", "I won't order here again", "would stay again". */
const WILL_AGAIN_EN = / (never|won't|wont|will|would|wouldn't|i'll|we'll|i'd|we'd|gonna|going to)( [^ .,!?;:]+){0,5} $/;

/** "Again" of what works or what the customer will (never) do, not of a fault: "works again", "never again", "would stay again", "ever again". */
export function againIsNoFault(p: Prepared, hit: Hit): boolean {
  if (p.script !== 'en' || hit.term !== 'again') return false;
  return WORKS_AGAIN_EN.test(` ${p.text.slice(Math.max(0, hit.start - 12), hit.start)}`) || WILL_AGAIN_EN.test(clauseBefore(p, hit));
}

/** 又…又… (or 既…又…, 有点…又有点…) in one clause is "both … and …" (有点紧张又有点期待, 又贵又难吃), not "again". */
function bothAnd(p: Prepared, hit: Hit): boolean {
  if (p.script !== 'zh' || !hit.term.startsWith('又')) return false;
  const first = hit.term.startsWith('又有') ? /(又|既|有点|有些)[^，。！？,.!?；;]{0,8}$/ : /(又|既)[^，。！？,.!?；;]{0,8}$/;
  return first.test(p.text.slice(Math.max(0, hit.start - 9), hit.start)) || /^[^，。！？,.!?；;]{0,8}又/.test(p.text.slice(hit.start + 1, hit.end + 9));
}

/** Measured against last time (和上次点的差太多了, 比上次少), not the same again (跟上次一样又坏了). */
function comparedWithLastTime(p: Prepared, hit: Hit): boolean {
  if (p.script !== 'zh' || !/^上[次回]$/.test(hit.term) || !/[和跟与比]/.test(p.text.charAt(hit.start - 1))) return false;
  return !/^[^，。！？,.!?；;]{0,8}(一样|同样|相同|一模一样)/.test(p.text.slice(hit.end));
}

/** A third order or stay, not a third time wrong: 第三次点这家了，前两次还行. Not 第三次来修. */
const VISIT_AGAIN_ZH = /^(点|买|住|订|光顾|回购|回访|再访|入住|下单|来这家|来吃|去这家)/;

/** Someone's words quoted (老板来一句“头发又不会毒死人”, 他说“你又没备注”): their 又 is a retort, not the customer's "again". */
function insideQuotes(p: Prepared, hit: Hit): boolean {
  const before = p.text.slice(Math.max(0, hit.start - 30), hit.start);
  const after = p.text.slice(hit.end, hit.end + 30);
  // Straight quotes open and close alike: inside when an odd number of them comes before (说'有本事你去找记者啊').
  const straight = (mark: string) => before.split(mark).length % 2 === 0 && after.includes(mark);
  return (/[“「『‘][^”」』’]*$/.test(before) && /^[^“「『‘]*[”」』’]/.test(after)) || straight("'") || straight('"');
}

/** Staff's words quoted (物业一句‘这个我们管不了，你报警吧’), not the customer's own (我说“我要报警”). */
const quotedFromOthers = (p: Prepared, hit: Hit) =>
  p.script === 'zh' && insideQuotes(p, hit) && !/我(就|当场|直接)?(说|问|喊|吼|告诉他|告诉她|回)[^“「『‘]{0,4}[“「『‘][^”」』’]*$/.test(p.text.slice(Math.max(0, hit.start - 30), hit.start));

/** Last time's trouble, put right (上次投诉的问题已经解决了, 上次帮我解决了问题), or a purchase made again ("third time buying this"): no repeat. */
const PAST_PUT_RIGHT = {
  zh: /^[^。！？!?]{0,12}(已经解决|解决了|处理好了|帮我解决|帮我处理|修好了|好多了|好很多|好太多|进步了|进步很大|改善了)/,
  en: /^( [a-z']+){0,2} (buying|ordering|purchasing|staying|visiting|booking|ordered|bought)\b/,
};

/** A repeat word that says no repeat: inside an "if ever" (如果以后还是这样, "if this ever happens again"), a 又…又…, last time's trouble put right, or an `againIsNoFault`. */
export function notARepeat(p: Prepared, hit: Hit): boolean {
  return (
    CONDITIONAL[p.script].test(p.script === 'en' ? ` ${sentenceBefore(p, hit).trim()} ` : sentenceBefore(p, hit)) ||
    bothAnd(p, hit) ||
    comparedWithLastTime(p, hit) ||
    // 又不是你家的: "it's not as if", indignant (heard as anger), no second time.
    (p.script === 'zh' && p.text.startsWith('又不是', hit.start)) ||
    PAST_PUT_RIGHT[p.script].test(p.text.slice(hit.end, hit.end + 30)) ||
    (p.script === 'zh' && ((/^第.次$/.test(hit.term) && VISIT_AGAIN_ZH.test(p.text.slice(hit.end, hit.end + 4))) || insideQuotes(p, hit))) ||
    againIsNoFault(p, hit)
  );
}

/**
 * What a customer does to a body or a platform: calls it, goes to it, reports to it, posts on it,
 * brings it in. Before the name (找记者, 打了12315, 发到抖音, 咨询了律师, "calling the police",
 * "posted the whole story on Reddit"), just after it (让媒体都来看, 记者过来, 12315见, 律师会联系你们,
 * "the news covers this"). The customer's own lawyer (我的律师, "my attorney") is a signal term of its own.
 * A verb of many uses (去, 发, "go", "get") counts only right beside the name: 去看看B站上的 and
 * "get similar negativity on reddit" are no acts.
 */
const ACT_BEFORE = {
  zh: [
    /(联系|联络|咨询|委托|委任|聘请|聘了|接受|交予|发布|投诉|举报|反映|申诉|告诉|曝光|上传|拨打|打给|打到|发到|发在|放到|贴到|拿去|闹到|捅到|晒到|提交|递交|寄信|写信|寄给|致信|投稿|传给|发给|分享到|分享去|转发到|贴上)[^，。！？；,!?;]{0,6}$/,
    /(找|叫|请|让|打|拨|告|发|传|放|贴|po|去|(?<![看听见收遇想得做感受])到|向|给|报|(?<![视网纸站台书])上|跟|会|要)[了到给在上去向的个条篇一下]{0,2}(本地|当地|本市|区|市|省|县)?的?$/,
  ],
  en: [
    / (call|calling|called|ring|ringing|rang|rung|reach out to|reaching out to|reached out to|contact|contacting|contacted|report|reporting|reported|tell|telling|told|write|writing|wrote|file|filing|filed|complain|complaining|complained|post|posting|posted|share|sharing|shared|tweet|tweeting|upload|uploading|uploaded|hire|hiring|hired|consult|consulting|consulted|talk|talking|talked|speak|speaking|spoke|escalate|escalating|escalated|notify|notifying|notified|alert|alerting|alerted|involve|involving|warn|warned|warning|leave|leaving|bring|bringing|lodge|lodged|lodging|refer|referring|referred|submit|submitting|submitted|copy|copied|copying|left|retain|retained|instruct|instructed|engage|engaged|issue|issuing|spoken|tag|tagged|tagging|email|emailing|emailed|e-mailed|message|messaged|written to|in touch with|forward|forwarding|forwarded|send|sending|sent|ask|asking|asked|hear from|hearing from|will|i'll|we'll)( [^ .,!?;:]+){0,6} $/,
    / (go|going|went|put|putting|take|taking|took|get|getting|got|see you in)( straight| right)?( [^ .,!?;:]+){0,2} $/,
    // A complaint lodged somewhere ("Complaint with the CFPB filed yesterday", "a complaint with the Energy and Water Ombudsman"), a
    // video up on a platform ("Video's up on TikTok"), the saga filmed for it.
    / (complaint|complaints|case|claim|dispute|application) (with|to) (the )?([^ .,!?;:]+ ){0,5}$| (up|live) on( the| my| our)? $| (put|putting|post|posting|posted|share|sharing|shared|upload|uploading|uploaded|left|leave|leaving|start|started|starting|written about|wrote about|writing about)( [^ .,!?;:]+){0,8} (on|onto|to|in) ([^ .,!?;:]+ ){0,2}$| (give|gave|given|giving)( [^ .,!?;:]+){0,3} (to|with)( the)? $| (film|filming|filmed|record|recording|recorded)( [^ .,!?;:]+){0,3} (for|on) $/,
    // The matter taken somewhere in so many words: "take this complaint to the Legal Ombudsman", "put this up on the local Facebook page".
    / (take|taking|took|put|putting) (this|it|my|the|that|them|everything)( [^ .,!?;:]+){0,5} (to|on|with|all over)( [^ .,!?;:]+){0,3} $/,
    / (take|taking|took) (this|it|my story|this story|the story|this whole thing) to( the)? $| (make|making|made|film|filming|record|recording|do|doing) (a|an) $| (let's see|we'll see|see) what( the)?( local)? $/,
  ],
};
const ACT_AFTER = {
  // Not someone else's act told there (新闻里有人起诉了).
  zh: /^((?![^，。！？；,!?;]{0,4}?(有人|别人))[^，。！？；,!?;]{0,4}?(曝光|投诉|举报|反映|申诉|起诉|都来|来看|来采访|更新|联系好|约好|来处理|过来|发帖|发文|上发|写|留了|差评|一星|评理|评价|处理|(?<![才我])知道|看看|出面|介入|联系你们|找你们|打了?电话|登记)|上?见(?![过到面]))/,
  en: /^ ((will|is going to|are going to|can|could|would) |(covers|cover|hear|hears|know|find out|gets involved|get involved|involved|be in touch|(is|are) (very )?interested in|look into|looks into|investigate|investigates|intervene|step in)( |$))|^( [^ .,!?;:]+){0,4} (is|are) (covering|running|doing|filming|investigating|writing about|looking into|coming to film)( |$)|^ (has )?(already )?(drafted|sent|written|filed|issued)( |$)/,
};

/** A letter addressed to the body itself (消费者委员会：…, 卫生局 钧鉴, "Dear Financial Ombudsman Service,"): writing to it is the act. */
const ADDRESSED_TO = {
  zh: { before: /^\s*(致\s*)?[^\s。！？，,：:\n]{0,12}$/, after: /^[^\s。！？，,：:\n]{0,8}?(科|处|组|部|室|中心|秘书处)?\s*(您好|你好|钧鉴|台鉴|敬启者|[：:]|\n)/ },
  // A heading that opens the letter with the body's name ("Consumer Protection Ontario / Re: …") addresses it too.
  en: { before: /^ ((dear|to|attn|attention|for the attention of)( [^ .,!?;:]+){0,5} )?$/, after: /^/ },
};
/** Only a regulator is written to this way; a platform or the news named first (新浪微博的体验越来越差：…) is what the text is about. */
export const addressedTo = (p: Prepared, hit: Hit, kinds: readonly SignalKind[]) =>
  kinds.includes('regulator') && ADDRESSED_TO[p.script].before.test(p.text.slice(0, hit.start)) && ADDRESSED_TO[p.script].after.test(p.text.slice(hit.end, hit.end + 16));

/** A name (记者, 12315, 微博, police, Facebook) says nothing unless an act is done to it: "美国警察…", "I saw it on Facebook". */
export function namesAnAct(p: Prepared, hit: Hit, kinds: readonly SignalKind[] = []): boolean {
  // Going there to look (去twitter上看下, 去B站逛逛) is reading, not posting.
  if (p.script === 'zh' && /^上?(看|逛|刷|搜|查)/.test(p.text.slice(hit.end))) return false;
  const clause = clauseBefore(p, hit);
  return addressedTo(p, hit, kinds) || ACT_BEFORE[p.script].some((act) => act.test(clause)) || ACT_AFTER[p.script].test(p.text.slice(hit.end, hit.end + 24)) || PUBLISHES[p.script].test(p.text.slice(hit.end));
}

/**
 * What the customer has already done, or does by this very letter (我已经报警了, 打了市长热线,
 * 特向银保监会反映, "I've talked to a lawyer", "I am filing this complaint with the CFPB", "I am asking the
 * CFPB to help", "I am reporting them to the CFPB"): a report, not a threat, unless the sentence also
 * says what comes next (看你们怎么交代, "and I'm ready to sue", "let's see how you explain that").
 */
const DONE = {
  zh: { before: /已经|已|刚刚|刚才|早就|特此|[现特兹]向|[了过][^，。！？；]{0,2}$|(上周|上个?月|昨天|前天|前几天|上次)[^，。！？；]{0,2}$/, after: /^[^，。！？；,!?;]{0,3}?[了过]/ },
  en: / (already|have|has|had|i've|we've|filed|reported|called|contacted|talked|spoke|wrote|posted|went|told|complained|notified|sent|emailed|submitted)( |$)| this (complaint|letter|report) | (i am|i'm|we are|we're) (asking|requesting|submitting|writing to) | reporting (them|the company|the bank|this company|this bank|the seller|the store) /,
};
const WHAT_COMES_NEXT = {
  zh: /要(?!求)|会|就|准备|打算|马上|立刻|再不|不然|否则|等着|看你们/,
  en: / (will|i'll|we'll|going to|gonna|ready to|about to|unless|or else|otherwise|expect|if|let's see|see how) /,
};

export function reportsWhatWasDone(p: Prepared, hit: Hit): boolean {
  const clause = clauseBefore(p, hit);
  const rest = sentenceAfter(p, hit);
  // The name is left out, with the end of a body's name after it: 银保监会 says nothing of what comes next.
  const sentence = p.script === 'en' ? ` ${sentenceBefore(p, hit)} ${rest} `.replace(/\s+/g, ' ') : `${sentenceBefore(p, hit)}，${rest.replace(/^(委员会|会|局|部门|部|厅|院|所|台)/, '')}`;
  // A clause that goes on from the last (我已经请律师寄发存证信函，也向卫生局提出陈情) shares its 已经.
  const zhDone = (text: string) => DONE.zh.before.test(text) || (/^[也还并又]/.test(text) && DONE.zh.before.test(sentenceBefore(p, hit)));
  const done = p.script === 'zh' ? zhDone(clause) || DONE.zh.after.test(rest) : DONE.en.test(clause);
  return done && !WHAT_COMES_NEXT[p.script].test(sentence);
}

/** The act after a negation that opens a condition (不给就去市场监管局举报): its consequence, not denied. */
export const consequenceOfNegatedCondition = (p: Prepared, hit: Hit): boolean =>
  p.script === 'zh' && /(不|没)[^，。！？；]{0,6}(的话)?[，,]?(我们?|本人)?就[^，。！？；]{0,3}$/.test(p.text.slice(Math.max(0, hit.start - 14), hit.start));

/** "不赔偿我就报警", "不退钱的话就…": a negation that sets the terms of a threat, so the demand stands. */
export const ultimatum = (p: Prepared, hit: Hit): boolean => p.script === 'zh' && /^[^，。！？；]{0,10}?(的话)?[，,]?(我们?|本人)?(就(?!是)|马上|立刻|立马|将(?!会?[^，。]{0,4}(退|赔))|则)/.test(p.text.slice(hit.end, hit.end + 20));

/** A Weibo topic (#新闻早知道#, #315晚会#) names what a post is about; it is nobody's act. */
export function insideHashtag(p: Prepared, hit: Hit): boolean {
  const open = p.text.lastIndexOf('#', hit.start - 1);
  const close = p.text.indexOf('#', hit.end);
  return open >= 0 && close >= 0 && close - open <= 40 && !/[#\n]/.test(p.text.slice(open + 1, close));
}

/** A manager who helped (你们经理帮我解决了, "your manager was so helpful") is thanked, not asked for. */
const HELPED_AFTER = { zh: /^(帮我|帮忙|亲自(帮|给我|处理了|解决了|打电话|道歉|跟进)|人很|人特别|人挺|态度很|很耐心|很热情|特别好|非常好|(很快|马上|立刻|立即|及时|主动|当场)就?(帮|处理|解决|搞定|换|退)|[^，。！？]{0,10}?(退了回来|当场退|道歉|解决了|处理好|搞定|升级|换了|修好))/, en: /^ (helped|fixed|sorted|resolved|took care|was (very |so |really )?(helpful|kind|great|nice|lovely|patient))\b/ };
export const helpedAfter = (p: Prepared, hit: Hit): boolean => HELPED_AFTER[p.script].test(p.text.slice(hit.end, hit.end + 16));

/** A name that only says who someone is: "my lawyer friend recommended", 我律师朋友, 我的警察邻居. */
const WHO_SOMEONE_IS = { zh: /^(朋友|同学|同事|亲戚|邻居)/, en: /^ (friend|friends|buddy|cousin|colleague|colleagues|neighbou?r|neighbou?rs)\b/ };
export const describesSomeone = (p: Prepared, hit: Hit): boolean => WHO_SOMEONE_IS[p.script].test(p.text.slice(hit.end, hit.end + 12));

/** Words a customer puts before what they want: 要求退款, 必须赔偿, 请把多扣的三十块退回, "I want a refund", "you should pay for". */
const DEMAND_BEFORE = {
  zh: /(?:否则|不然)[^，。！？；,.!?;]{0,4}$|^把[^，。！？；,.!?;]{0,10}$|(要求|(?<!问我?要不)要(?!不要)|(?<!说|答应|承诺|表示|同意|会)给我|必须|得|应该|应当|(?<![申邀])请(?!问)|希望|麻烦|让你们|还我|赔我|怎么|谁来|负责|能不能|可不可以|可以)[^，。！？；,.!?;]{0,6}$|(请|麻烦|赶紧|马上|快)把[^，。！？；,.!?;]{0,10}$|^(赶紧|赶快|马上|立刻|立即|快点?|速速)给?我?$/,
  en: / (want|wants|demand|demanding|expect|need|request|requesting|ask|asking|asked|ask that|deserve|owe me|give me|get me|please|must|should|have to|will|going to|i'd like|like|could you|can you|would you|put|claim|claiming|seek|seeking|insist|require) (\S+ ){0,7}$|^ (cancel|fix|replace|close|stop|remove|take) (\S+ ){0,5}and $/,
};
/** Words after it that make it one: 退款给我, 赔偿我的损失, "refund me", "compensation for". */
const DEMAND_AFTER = { zh: /^(给我|我|谁|由谁|怎么|必须|吧|[^，。！？]{0,4}(得赔|要赔|来赔|赔给|必须赔|负责|承担|得出))/, en: /^ (me|my|us|now|immediately|asap|for|or) / };
/** A refund reported or described, not asked for: 退款了, 退款已到账, 退款秒到账, 退货退款都很顺利, "the refund was quick". */
const REPORTED_AFTER = { zh: /^(退款|退货|退钱)?(秒到|秒退|(昨天|今天|前天|上周|刚刚|刚才|早就|终于|秒|马上|立马|当天|当场|很快|次日|第二天|[一两三四五六七八九十几半0-9]+个?(小时|分钟|天)(内|之内)?就?)?(了|已|已经|都|很|也|到账|入账|成功|顺利|的|流程|速度|处理))/, en: /^ (was|is|has|had|went|came|arrived|took|process|policy) / };
/** …or had before it: "I got my refund", "they gave me a full refund", 已经收到退款. */
const REPORTED_BEFORE = {
  zh: /(已经|已)(收到|拿到|到账|退了?)[^，。！？]{0,2}$/,
  en: /(?<! (not|never|yet to|haven't|hasn't|didn't|don't|doesn't|wasn't|weren't))( (got|received|had|was given|were given|gave me|gave us|issued|processed|credited))( (me|us|my|our|a|the|full|partial|prompt|quick|fast|speedy))* $/,
};
/** A refund, a return or money back that has happened (退款已经收到了, 退款已入账, "the refund was quick", "I got my refund"). */
export const reportedDone = (p: Prepared, hit: Hit): boolean =>
  REPORTED_AFTER[p.script].test(p.text.slice(hit.end, hit.end + 12)) || REPORTED_BEFORE[p.script].test(p.text.slice(Math.max(0, hit.start - 40), hit.start));
/** 可以退款 states a policy; 可以退款吗 asks for one. */
const QUESTION_AFTER = /^[^，。！？；,.!?;]{0,6}(吗|么|[?？])/;
/** "Took credit for your idea": credit followed by "for" is praise or blame, not money. */
const CREDIT_FOR = /^ for /;
/** English uses of the words that ask for nothing: a credit card, a doubled charge, a double whammy. */
const NOT_A_DEMAND_EN = /^ (card|cards|score|limit|check|charged|charge|billed|union|history|report|rating|info|line|whammy|standards|edged) /;
/** Words that are an imperative at the start of a clause ("Refund me!", "赔钱！"); "Credit? For what?" is not. */
const NOT_IMPERATIVE = new Set(['credit']);
/** Money asked back in so many words ("I want every cent of that $340 back", "I want the second charge refunded"): found by MONEY_ASKED_BACK_EN, a demand itself. */
const ASKED_BACK_EN = /^(want|need|expect|demand|would like|'d like|asking|asked|ask) /;
/** Terms that say the demand themselves: 退给我, 赔我一台新的, 修车的钱你们得出, 维修费应该你们出, "pay up". */
const A_DEMAND_ITSELF = new Set(['退给我', '退到我', '赔我', '赔给我', '要赔', '得赔', '必须赔', '必须退', '给我赔', '钱你们得出', '钱你们要出', '钱必须你们出', '钱你们出', '钱谁出', '应该你们出', '费你们出', '由你们出', '得你们出', 'pay up', 'give me back']);

/** 请贵公司派员修复，并依合约退还月租费, "please correct it, remove the fee, and refund the $50": a clause joined by 并 or "and" carries the request of the sentence's first. */
const JOINED = /^(并且?|同时|以及|还要|再)/;
const JOINED_EN = /^ (and|also|then|plus)( also| then)? $/;
/** An item of a numbered list of what the customer asks for ("1) re-issue my bills; 2) refund the £214"): an imperative. */
const LIST_ITEM_EN = /^ (\d{1,2}|[a-h]|i{1,3}|iv|v) [).] $/;
/** A polite request that runs past a clause's usual reach (請貴班於本月十五日前依規定退還…). */
const LONG_REQUEST = /(?:(?<![申邀])请(?!问)|恳请|要求|务必)[^，。！？；,.!?;]{0,20}$/;
/** 现要求：一、全数退回车资；二、…: an item of the customer's list of demands. */
const LIST_ITEM_ZH = /(^|[：:；;。\n\s])[一二三四五六七八九十1-9][、．.)）]$/;
const ASKS = /要求|必须|应该|应当|(?<![申邀])请(?!问)|希望/;
/** What a complaint form or letter heads the customer's demands with (诉求：全额赔偿, 我的要求是：退款). */
const DEMAND_HEADING_ZH = /(诉求|要求|请求|期望|希望)(是|为)?[：:][^。！？；]{0,20}$/;
const clauseBeforeClause = (p: Prepared, end: number) => p.text.slice(Math.max(0, end - 40), Math.max(0, end - 1)).split(/[，。！？；,.!?;\n]/).pop()!;

/**
 * Compensation is a demand for money, a refund or damages in so many words: "退款到现在还没到账"
 * reports a refund, "double charged" a billing error, "credit card" a card. A term at the start of a
 * clause is an imperative ("Refund me", "赔钱！").
 */
/** What is bought, not owed: 延保怎么买, 延保多少钱, 退货运费险怎么开通. */
const BOUGHT_NOT_OWED_ZH = /^(怎么|如何|在哪|哪里|去哪)?(买|购买|收费|卖|续费|开通)|^(要)?(多少钱|的价格|价格|贵不贵|怎么收费)/;

/** What the customer would gladly pay (would pay double for this quality): praise, no demand. */
const WOULD_PAY_EN = / (would|i'd|we'd|happily|gladly|willingly)( happily| gladly)? ?$/;
/** A credit on a bill (a credit for the days it was down), not the credit for an idea. */
const A_CREDIT_EN = / (a|an|the|some|any) ?$/;

export function isDemand(p: Prepared, hit: Hit): boolean {
  const after = p.text.slice(hit.end, hit.end + 12);
  if (p.script === 'en' && (NOT_A_DEMAND_EN.test(after) || WOULD_PAY_EN.test(p.text.slice(Math.max(0, hit.start - 20), hit.start)))) return false;
  if (p.script === 'zh' && BOUGHT_NOT_OWED_ZH.test(after)) return false;
  if (reportedDone(p, hit)) return false;
  if (A_DEMAND_ITSELF.has(hit.term) || ASKED_BACK_EN.test(hit.term)) return true;
  const clause = clauseBefore(p, hit);
  if (!clause.trim()) return !NOT_IMPERATIVE.has(hit.term);
  if (p.script === 'zh' && JOINED.test(clause) && ASKS.test(clauseBeforeClause(p, hit.start - clause.length))) return true;
  if (p.script === 'zh' && (LONG_REQUEST.test(p.text.slice(Math.max(0, hit.start - 24), hit.start)) || DEMAND_HEADING_ZH.test(p.text.slice(Math.max(0, hit.start - 30), hit.start)))) return true;
  if (p.script === 'zh' && LIST_ITEM_ZH.test(p.text.slice(Math.max(0, hit.start - clause.length - 4), hit.start - clause.length))) return true;
  if (p.script === 'en' && (LIST_ITEM_EN.test(clause) || (JOINED_EN.test(clause) && DEMAND_BEFORE.en.test(` ${p.text.slice(0, hit.start).split(/ [.!?](?= )/).pop()!.split(/ [,;:](?= )/)[0]!.trim()} `)))) return true;
  const asked = DEMAND_BEFORE[p.script].exec(clause);
  if (asked && (asked[1] !== '可以' || QUESTION_AFTER.test(after))) return true;
  return DEMAND_AFTER[p.script].test(after) && !(hit.term === 'credit' && CREDIT_FOR.test(after) && !A_CREDIT_EN.test(p.text.slice(Math.max(0, hit.start - 8), hit.start)));
}
