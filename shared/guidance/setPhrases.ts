import { rememberLast } from './rememberLast.js';

/**
 * Set phrases whose characters are judgements on their own: 不好意思 is "excuse me", 差点 "nearly"
 * (差点着火 is a near-fire, not 差 "bad"), 差不多 "about"; 热闹 "lively", 灿烂 "bright", 热爱 "love",
 * 滚烫 "burning hot", 滚筒 a drum (washer), 牛逼 "awesome", 乘风破浪 "riding the waves", 妈妈的 "mum's" — read as
 * anger in happy Weibo posts; 生活大爆炸 a sitcom, 爆炸头 an afro, 擦出火花 "chemistry", 中毒太深 "hooked", 怕受伤 "afraid of
 * heartbreak" — read as danger; 拖地 "mopping" — read as 拖 "dragging on"; 好像 "it seems" — read as 好
 * "very"; 防火, 防漏电 "fireproof", "shock-proof" — read as danger; 出差 "a business trip", 再也不用排队
 * "no more queuing", 倒垃圾 "taking out the rubbish" — read as complaints in praise; the 的 of 燃气的 "gas-fired",
 * 人气的 "popular" (not 气的 "so angry"); the 问题 of 帮我们解决了很多问题, which staff solved; 火车 "train" and 火锅
 * "hotpot" (not 火 "anger"), a 苍蝇馆子 "hole in the wall", 缺点： "cons:" as a heading, 差了四分 "four points
 * short", 还是一样稳 "as steady as ever", 讨个公道 "justice" (not a fair price), 我怎么这么没用 "I'm so useless"
 * (at oneself), 拖着箱子 "pulling a suitcase", 一直没变 "never changed", a 五星级 hotel (a class, not five stars
 * given), a star taken off (扣一星: four stars, not one), 我不是来吵架的 "I'm not here to quarrel"; a heading (唯一不足是, 小缺点：) is no fault itself, 饿坏了 is hunger, 太刺激了！ a thrill, and praise of before (以前挺好吃的)
 * praises nothing now; 麻烦您帮我查一下, 麻烦尽快处理, 麻烦你们了 ask or thank politely (not 麻烦 "a hassle"), and so does 添麻烦.
 * The rules and the model both read the text with them blanked.
 */
const SET_PHRASES = /(?<![太真好很挺超多么])麻烦(?=(?:您|你们?)?(?:帮|给|看|查|核|处理|尽快|安排|派|转|告诉|确认|通知|联系|回复|跟进|解释|登记)|(?:您|你们?)了)|添麻烦|星级(?<=[一二三四五1-5]星级)|一颗?星(?<=(?:扣了?|减了?)一颗?星)|吵架(?<=不是来吵架)|公道(?<=(?:讨|要|还我|讨回)个?公道)|还是一样(?=[稳好棒赞香]|好吃|美味|新鲜|出色|给力)|差(?=了?[0-9一二三四五六七八九十两几半]+(分|点|秒|名|票|步|岁|厘米|公里|块|元|个|天|年))|没用(?<=我(?:怎么|真的?|好|太)?(?:这么|那么)?没用)|(?:缺点|不足|不满意的?(?:地方)?|遗憾)(?<=(?:^|[，,。.！!；;\s：:]|唯一的?|小|美中)(?:缺点|不足|不满意的?(?:地方)?|遗憾))(?=(?:之处)?的?(?:就)?(?:是|[:：]))|饿(?:坏|死|惨|扁)了|(?:太|好|超|真)刺激了?(?=[！!~～]|$)|(?:好吃|好喝|好用|不错|挺好|很好)(?<=(?:以前|之前|原来|从前|过去)[^，。！？\s]{0,4}(?:好吃|好喝|好用|不错|挺好|很好))|火(?=车|锅|腿|龙果|柴|候|鸡|箭|炉|机|星|影|红)|(?<=红)火|苍蝇(?=馆子|小馆|店)|拖着?(?=箱子|行李|拉杆箱)|一直没(?=变)|问题(?<=(?:帮|替|给)(?:我|我们|咱|咱们)?解决了(?:很多|不少|所有|好多|一些|各种|我的|我们的)?问题)|的(?<=(?:燃|煤|天然|暖|空|蒸|氧|沼|废|尾|人|运|福|勇|力|名|香|热|冷|湿|喜|大|客|帅|灵|元|和|洋|土|秀|才|志|暑|寒|雾|电|节)气的)|不好意思|差一点|差点|差不多|热闹|灿烂|热爱|滚烫|滚筒|滚动|翻滚|打滚|滚下|牛逼|乘风破浪|鲜衣怒马|小霸王|挖坑|妈妈|大爆炸|爆炸头|到爆炸|信息爆炸|人口爆炸|知识爆炸|爆炸性|擦出火花|碰撞出火花|碰出火花|火花飞舞|中毒太深|人间中毒|怕受伤|流血牺牲|出差|差旅|时差|温差|误差|差额|差价|再也不用(?=担心|排|等|跑|操心|发愁|愁|麻烦|费劲|折腾)|垃圾桶|垃圾袋|垃圾分类|倒垃圾|扔垃圾|把垃圾|垃圾带走|带了垃圾|带垃圾|垃圾下楼|装修垃圾|建筑垃圾|清理垃圾|收垃圾|垃圾站|垃圾车|垃圾短信|垃圾邮件|有问题(?=也回复|也会|都会|随时|可以随时|请|找我|联系|回复|解答|处理|[都也]?[能会]?(及时|马上|立刻|很快|第一时间))|如有问题|有任何问题|(?:噪音|噪声|动静|异味|色差|误差)(?:很|也很|比较|非常|特别)?小|拖地|拖把|把地拖|好像|防(?:火|漏电|触电|爆|烫伤?|摔|漏气|中毒)|阻燃/g;

/**
 * The text with its set phrases blanked, not removed, so every position still points at the customer's own
 * characters. The rules and the model ask for the same Chinese text in one reading.
 */
export const withoutSetPhrases = rememberLast((simplified) => simplified.replace(SET_PHRASES, (phrase) => ' '.repeat(phrase.length)));
