/**
 * Generic word lists the recognizer leans on: what news text puts next to names. All in
 * simplified form (the recognizer reads text folded to simplified). No person or organization
 * names live here; those come from the text, the corpus and the user's gazetteer.
 */

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Titles and roles written right before a person's name (秘书长任贤良, 记者 朱承, 村民刘树立). */
export const personTitles = words(`
	主席 副主席 总统 副总统 总理 副总理 首相 国务卿 部长 副部长 国务部长 大臣 司长 副司长 局长 副局长 厅长 副厅长 处长 科长
	省长 副省长 市长 副市长 县长 副县长 区长 副区长 镇长 乡长 村长 州长 特首 行政长官 议长 院长 副院长 所长 副所长
	书记 副书记 委员 常委 主任 副主任 主任委员 副主任委员 秘书长 副秘书长 总干事 副总干事 理事长 副理事长 会长 副会长 理事
	董事长 副董事长 董事 总裁 副总裁 执行副总裁 总经理 副总经理 经理 首席执行官 首席技术官 首席运营官 首席财务官 执行官
	执行董事 行长 副行长 创始人 联合创始人 合伙人 负责人 发言人 新闻发言人 大使 公使 参赞 领事 总领事 特使 代表 主持人
	院士 教授 副教授 研究员 副研究员 博士 硕士 讲师 教师 老师 校长 副校长 医生 医师 护士 律师 法官 检察官 警官 民警 工程师 专家 学者
	记者 通讯员 编辑 主编 总编辑 作家 诗人 导演 演员 歌手 画家 艺术家 运动员 选手 教练 主教练 队长
	市民 村民 居民 农民 工人 员工 职工 学生 网友 游客 志愿者 党员 干部 工作人员 先生 女士 同志
	省委书记 市委书记 县委书记 州长 外长 防长 财长
`);

/** Organization name endings: a mark for the recognizer (and what generic organizations end in). */
export const organizationSuffixes = [
	'有限责任公司', '股份有限公司', '有限公司', '股份公司', '公司', '集团', '控股', '银行', '协会', '学会', '商会', '联合会', '基金会', '促进会', '研究会',
	'大学', '学院', '科学院', '工程院', '研究院', '研究所', '研究中心', '中心', '实验室', '医院',
	'委员会', '常委会', '人大', '政协', '政府', '办公室', '办公厅', '组织', '联盟', '论坛', '理事会', '董事会', '议会', '法院', '检察院',
	'部', '厅', '局', '署', '处', '院', '委', '办', '社', '台', '报', '网', '军', '队', '党', '分局', '总局', '省委', '市委', '县委',
];

/** Named events (2022年世界互联网大会乌镇峰会, 杭州亚运会, 茅盾文学奖). */
export const eventSuffixes = ['峰会', '博览会', '展览会', '交易会', '运动会', '亚运会', '奥运会', '冬奥会', '世博会', '锦标赛', '世界杯', '文学奖', '电影节', '艺术节', '文化节'];


/** Surnames (single and compound) that start Chinese names: a mark for the recognizer. */
export const singleSurnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由';
export const compoundSurnames = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '令狐', '宇文', '司徒', '夏侯', '端木', '西门', '南宫', '独孤', '申屠', '相里'];

/** Per code unit: 1 for a single surname, 2 for the first unit of a compound one (a line's every unit may be asked). */
const surnameStarts = new Uint8Array(0x10000);
for (const c of singleSurnames) { surnameStarts[c.charCodeAt(0)] = 1; }
for (const s of compoundSurnames) { surnameStarts[s.charCodeAt(0)] |= 2; }

/** 2 for a compound surname at the start of `name`, 1 for a single one, 0 for none. */
export function surnameLength(name: string): number {
	const first = surnameStarts[name.charCodeAt(0)];
	if (first === undefined || first === 0) { return 0; }
	if ((first & 2) !== 0 && compoundSurnames.some((s) => name.startsWith(s))) { return 2; }
	return first & 1;
}
