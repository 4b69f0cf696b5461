"""Pages a site converted to traditional characters, read back in the simplified ones published.

Government documents of the mainland are issued in simplified characters; a reprint that turned
them into traditional ones (“牽頭單位：市科技局”) hides every label, unit and unit of measure
from the drafter. The characters such reprints use in these documents are mapped back one to
one — only characters that are never written in a simplified text, so a simplified document
is left exactly as it is.
"""

from __future__ import annotations

import re

# traditional → simplified, the characters of task-division documents (labels, bodies, places,
# measures, dates and the common words around them)
_PAIRS = (
    "牽牵頭头單单責责務务配配協协辦办參参與与負负領领導导時时間间階阶後后準准備备"
    "縣县區区廳厅處处會会機机關关組组隊队衛卫財财稅税發发展展改改革革經经濟济資资環环"
    "農农業业鎮镇鄉乡街街貫贯徹彻實实確确進进強强創创專专項项個个億亿萬万場场臺台"
    "據据據据據据據据統统計计質质標标級级構构設设營营網网數数碼码庫库產产權权證证書书"
    "調调劃划規规範范練练歷历達达錄录獲获報报務务慶庆勞劳動动傳传廣广東东陝陕蘇苏漢汉"
    "與与並并從从來来這这個个們们對对為为爲为於于將将應应當当給给還还沒没種种點点樣样"
    "長长門门問问題题見见觀观覺觉視视親亲談谈說说話话讀读請请議议論论調调證证認认識识"
    "員员歲岁紀纪約约級级線线練练績绩維维網网緊紧總总縮缩繼继續续紅红綠绿結结給给統统"
    "優优價价體体係系傢家億亿偉伟傷伤備备儲储兩两內内寫写幹干廠厂廢废廣广彙汇態态憑凭"
    "戶户擴扩據据擬拟擔担撥拨擇择攜携斷断業业極极樓楼構构標标樹树橋桥檢检櫃柜歡欢殘残"
    "氣气湧涌漲涨潔洁溝沟滬沪滿满漁渔災灾無无煙烟熱热獎奖獨独現现瑣琐產产畢毕當当療疗"
    "盡尽監监盤盘盧卢確确礎础禮礼稱称穩稳窮穷範范築筑節节類类糧粮紙纸純纯細细終终經经"
    "綜综網网緩缓編编縣县罰罚聯联聲声聽听職职脈脉腦脑興兴舉举艱艰莊庄華华萬万葉叶號号"
    "蟲虫補补裝装複复覆覆訂订訊讯託托記记許许設设訪访評评詢询試试詳详誌志語语誤误課课"
    "調调談谈請请諾诺謀谋講讲謝谢證证識识譜谱護护讓让財财貨货販贩貧贫責责貸贷費费貿贸"
    "資资賦赋賬账賴赖購购賽赛贊赞趕赶躍跃車车軌轨軍军軟软載载輔辅輕轻輸输轉转辦办農农"
    "這这連连週周運运過过達达違违遞递遠远適适遷迁選选遺遗邊边鄉乡醫医釋释鑒鉴針针鋼钢"
    "錢钱錯错鍵键鏈链長长門门閉闭開开閒闲間间閱阅闊阔隨随險险雙双雜杂雞鸡離离難难電电"
    "靈灵韓韩順顺須须預预領领頻频題题顏颜類类顯显風风飛飞養养館馆駐驻驗验體体鬥斗魚鱼"
    "鳥鸟麥麦齊齐龍龙龜龟坡坡堅坚報报塊块墊垫壓压壞坏壯壮奮奋奪夺婦妇嬰婴孫孙寧宁審审"
    "寶宝將将尋寻對对層层屬属岡冈島岛峽峡崗岗幣币帥帅師师帳帐帶带幫帮庫库廬庐彈弹徑径"
    "從从徵征愛爱憲宪懷怀戰战戲戏擁拥擊击擋挡據据攝摄斂敛敵敌斃毙暫暂曆历曉晓條条東东"
    "梟枭榮荣槍枪標标權权歸归殼壳毀毁氫氢決决沖冲況况淨净淺浅測测渦涡溫温漢汉潤润澤泽"
    "濃浓灣湾燈灯爭争牆墙獄狱獅狮瑪玛畫画異异瘋疯癢痒盜盗睜睁噸吨矯矫碩硕礦矿禍祸稅税"
    "種种積积穀谷窩窝競竞筆笔範范簡简籌筹糾纠紋纹納纳紐纽純纯紗纱級级紛纷組组細细紳绅"
    "絡络絕绝綁绑綱纲網网綿绵緒绪線线緣缘練练縫缝縱纵織织繳缴續续罷罢羅罗義义習习翹翘"
    "聖圣聞闻肅肃脅胁脫脱腳脚臉脸艙舱蓋盖蔣蒋藥药蘭兰處处虛虚號号蝕蚀衆众術术衝冲襲袭"
    "規规親亲覽览觸触計计訓训託托訴诉診诊詞词該该詳详認认誠诚誌志說说諮咨謹谨證证譯译"
    "變变讚赞豐丰貝贝貢贡貴贵貼贴賀贺賓宾賠赔賢贤質质賺赚購购贈赠趨趋跡迹踐践躋跻軸轴"
    "較较輛辆輝辉輪轮轄辖辭辞邁迈鄰邻鄭郑醞酝釐厘鈴铃銀银銅铜銷销鋪铺鍊炼鎖锁鑰钥閃闪"
    "閣阁闆板闡阐隊队陸陆陳陈陰阴際际隱隐雖虽雲云靜静響响頂顶項项順顺頓顿頒颁領领頸颈"
    "頭头頰颊頻频顧顾飯饭飲饮餘余館馆駛驶騰腾驅驱驟骤髮发鬆松麗丽黨党齡龄"
    "啟启團团園园圍围圓圆圖图國国壇坛壽寿夠够奧奥嚴严學学寬宽實实屆届嶺岭廳厅並并滙汇"
    "債债檔档歷历氹凼濱滨瀋沈灑洒爐炉獻献產产畝亩疊叠噸吨硃朱碼码穫获糰团綵彩總总繫系羣群"
)
_TABLE = {t: s for t, s in zip(_PAIRS[::2], _PAIRS[1::2], strict=True) if t != s}
_TRADITIONAL = str.maketrans(_TABLE)
_ONLY_TRADITIONAL = re.compile("[" + re.escape("".join(_TABLE)) + "]")
# a text is a traditional reprint when these characters are common in it, not one stray name
MIN_SHARE = 0.02


def is_traditional(text: str) -> bool:
    """A text in which traditional-only characters are common: a reprint in 繁体."""
    letters = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return letters > 0 and len(_ONLY_TRADITIONAL.findall(text)) >= max(3, MIN_SHARE * letters)


def to_simplified(text: str) -> str:
    """The text with the traditional characters of these documents in their simplified forms."""
    return text.translate(_TRADITIONAL)
