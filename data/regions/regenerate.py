#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerate Tanlu's region registry and schematic boundary files.

Usage:
    python3 data/regions/regenerate.py PATH/TO/echarts/package

PATH/TO/echarts/package is the unpacked npm package echarts 4.9.0:

    npm pack echarts@4.9.0
    tar xzf echarts-4.9.0.tgz        # creates ./package

Reads map/json/china-contour.json, map/json/china.json and
map/json/china-cities.json from the package and writes, next to this script:

    regions.csv         code,level,parent,name_zh,name_en (nation, provinces, cities)
    nation.geojson      national outline (code 100000)
    provinces.geojson   34 provincial units, full source resolution
    cities.geojson      prefecture-level units, simplified with shared borders kept

What is done to the source geometry:

  * Rings are decoded (echarts "UTF8Encoding") to the source's 1/1024° grid,
    consecutive duplicate points are removed, rings are closed, and rings with
    fewer than 3 distinct points or zero area are dropped.
  * china-cities.json packs islands and exclaves as extra rings of a single
    polygon.  Polygons are therefore rebuilt from ring nesting: a ring inside
    another ring of the same feature is a hole when its winding is opposite,
    and is dropped as redundant when the winding is the same (echarts fills
    with the non-zero rule, so it adds nothing).
  * Cities only: polygons smaller than SLIVER_AREA grid cells that touch
    another city are dropped; they are slivers between disagreeing lines.
  * Cities only: the whole-municipality features (Beijing, Tianjin, Shanghai,
    Chongqing) are much coarser than their neighbours, whose borders pass
    through every municipal vertex.  Each municipal stretch between two
    vertices shared with neighbours is replaced by the neighbours' own
    vertices there.  The same is then done, within CONFLATE_DEVIATION, where
    any two cities disagree by a few vertices.  Shared borders thus become
    identical on both sides wherever the source allows.  The municipalities
    become the city-level units 110100, 120100, 310100 and 500100.
  * Cities only, simplification: a vertex is fixed where the set of features
    using it changes along a ring, where its neighbours differ between the
    rings using it, where three or more features use it, or where a ring
    starts.  Douglas-Peucker with TOLERANCE degrees runs on each run between
    fixed vertices, always from its lexicographically smaller end, so both
    neighbours get the same border.  A ring that would collapse below 4
    points keeps its original points.
  * Outer rings are written counter-clockwise and holes clockwise (RFC 7946),
    coordinates with at most 4 decimals.  Nation and provinces keep every
    source vertex.

The output is deterministic: running the script twice gives the same bytes.
"""

import csv
import io
import json
import os
import sys

TOLERANCE = 0.008          # Douglas-Peucker tolerance for cities, in degrees
SCALE = 1024               # source grid: 1/1024 degree
MUNICIPALITIES = ("110000", "120000", "310000", "500000")
NOT_CITIES = ("710000", "810000", "820000")   # provincial units only
SLIVER_AREA = 16           # grid cells (~0.15 km²): smaller rings touching a neighbour
CONFLATE_MAX_GAP = 10      # own vertices a replaced stretch may have
CONFLATE_MAX_PATH = 400    # neighbour vertices a replacement may insert
CONFLATE_MUNICIPAL_DEVIATION = 40  # grid units (~4 km) between the two versions
CONFLATE_DEVIATION = 8             # grid units (~0.8 km) elsewhere

TANLU_MEMBER = {
    "schematic": True,
    "source": "echarts 4.9.0 map/json (Apache-2.0)",
    "note": "Schematic boundaries (示意), not official; "
            "not for publication as authoritative borders.",
}

PROVINCES = {
    "110000": ("北京", "Beijing"),
    "120000": ("天津", "Tianjin"),
    "130000": ("河北", "Hebei"),
    "140000": ("山西", "Shanxi"),
    "150000": ("内蒙古", "Inner Mongolia"),
    "210000": ("辽宁", "Liaoning"),
    "220000": ("吉林", "Jilin"),
    "230000": ("黑龙江", "Heilongjiang"),
    "310000": ("上海", "Shanghai"),
    "320000": ("江苏", "Jiangsu"),
    "330000": ("浙江", "Zhejiang"),
    "340000": ("安徽", "Anhui"),
    "350000": ("福建", "Fujian"),
    "360000": ("江西", "Jiangxi"),
    "370000": ("山东", "Shandong"),
    "410000": ("河南", "Henan"),
    "420000": ("湖北", "Hubei"),
    "430000": ("湖南", "Hunan"),
    "440000": ("广东", "Guangdong"),
    "450000": ("广西", "Guangxi"),
    "460000": ("海南", "Hainan"),
    "500000": ("重庆", "Chongqing"),
    "510000": ("四川", "Sichuan"),
    "520000": ("贵州", "Guizhou"),
    "530000": ("云南", "Yunnan"),
    "540000": ("西藏", "Tibet"),
    "610000": ("陕西", "Shaanxi"),
    "620000": ("甘肃", "Gansu"),
    "630000": ("青海", "Qinghai"),
    "640000": ("宁夏", "Ningxia"),
    "650000": ("新疆", "Xinjiang"),
    "710000": ("台湾", "Taiwan"),
    "810000": ("香港", "Hong Kong"),
    "820000": ("澳门", "Macao"),
}

# Feature name in china-cities.json and English name, by code.
CITIES = {
    # Hebei
    "130100": ("石家庄", "Shijiazhuang"),
    "130200": ("唐山", "Tangshan"),
    "130300": ("秦皇岛", "Qinhuangdao"),
    "130400": ("邯郸", "Handan"),
    "130500": ("邢台", "Xingtai"),
    "130600": ("保定", "Baoding"),
    "130700": ("张家口", "Zhangjiakou"),
    "130800": ("承德", "Chengde"),
    "130900": ("沧州", "Cangzhou"),
    "131000": ("廊坊", "Langfang"),
    "131100": ("衡水", "Hengshui"),
    # Shanxi
    "140100": ("太原", "Taiyuan"),
    "140200": ("大同", "Datong"),
    "140300": ("阳泉", "Yangquan"),
    "140400": ("长治", "Changzhi"),
    "140500": ("晋城", "Jincheng"),
    "140600": ("朔州", "Shuozhou"),
    "140700": ("晋中", "Jinzhong"),
    "140800": ("运城", "Yuncheng"),
    "140900": ("忻州", "Xinzhou"),
    "141000": ("临汾", "Linfen"),
    "141100": ("吕梁", "Lüliang"),
    # Inner Mongolia
    "150100": ("呼和浩特", "Hohhot"),
    "150200": ("包头", "Baotou"),
    "150300": ("乌海", "Wuhai"),
    "150400": ("赤峰", "Chifeng"),
    "150500": ("通辽", "Tongliao"),
    "150600": ("鄂尔多斯", "Ordos"),
    "150700": ("呼伦贝尔", "Hulunbuir"),
    "150800": ("巴彦淖尔", "Bayannur"),
    "150900": ("乌兰察布", "Ulanqab"),
    "152200": ("兴安盟", "Hinggan League"),
    "152500": ("锡林郭勒盟", "Xilingol League"),
    "152900": ("阿拉善盟", "Alxa League"),
    # Liaoning
    "210100": ("沈阳", "Shenyang"),
    "210200": ("大连", "Dalian"),
    "210300": ("鞍山", "Anshan"),
    "210400": ("抚顺", "Fushun"),
    "210500": ("本溪", "Benxi"),
    "210600": ("丹东", "Dandong"),
    "210700": ("锦州", "Jinzhou"),
    "210800": ("营口", "Yingkou"),
    "210900": ("阜新", "Fuxin"),
    "211000": ("辽阳", "Liaoyang"),
    "211100": ("盘锦", "Panjin"),
    "211200": ("铁岭", "Tieling"),
    "211300": ("朝阳", "Chaoyang"),
    "211400": ("葫芦岛", "Huludao"),
    # Jilin
    "220100": ("长春", "Changchun"),
    "220200": ("吉林", "Jilin"),
    "220300": ("四平", "Siping"),
    "220400": ("辽源", "Liaoyuan"),
    "220500": ("通化", "Tonghua"),
    "220600": ("白山", "Baishan"),
    "220700": ("松原", "Songyuan"),
    "220800": ("白城", "Baicheng"),
    "222400": ("延边", "Yanbian"),
    # Heilongjiang
    "230100": ("哈尔滨", "Harbin"),
    "230200": ("齐齐哈尔", "Qiqihar"),
    "230300": ("鸡西", "Jixi"),
    "230400": ("鹤岗", "Hegang"),
    "230500": ("双鸭山", "Shuangyashan"),
    "230600": ("大庆", "Daqing"),
    "230700": ("伊春", "Yichun"),
    "230800": ("佳木斯", "Jiamusi"),
    "230900": ("七台河", "Qitaihe"),
    "231000": ("牡丹江", "Mudanjiang"),
    "231100": ("黑河", "Heihe"),
    "231200": ("绥化", "Suihua"),
    "232700": ("大兴安岭", "Da Hinggan Ling"),
    # Jiangsu
    "320100": ("南京", "Nanjing"),
    "320200": ("无锡", "Wuxi"),
    "320300": ("徐州", "Xuzhou"),
    "320400": ("常州", "Changzhou"),
    "320500": ("苏州", "Suzhou"),
    "320600": ("南通", "Nantong"),
    "320700": ("连云港", "Lianyungang"),
    "320800": ("淮安", "Huai'an"),
    "320900": ("盐城", "Yancheng"),
    "321000": ("扬州", "Yangzhou"),
    "321100": ("镇江", "Zhenjiang"),
    "321200": ("泰州", "Taizhou"),
    "321300": ("宿迁", "Suqian"),
    # Zhejiang
    "330100": ("杭州", "Hangzhou"),
    "330200": ("宁波", "Ningbo"),
    "330300": ("温州", "Wenzhou"),
    "330400": ("嘉兴", "Jiaxing"),
    "330500": ("湖州", "Huzhou"),
    "330600": ("绍兴", "Shaoxing"),
    "330700": ("金华", "Jinhua"),
    "330800": ("衢州", "Quzhou"),
    "330900": ("舟山", "Zhoushan"),
    "331000": ("台州", "Taizhou"),
    "331100": ("丽水", "Lishui"),
    # Anhui
    "340100": ("合肥", "Hefei"),
    "340200": ("芜湖", "Wuhu"),
    "340300": ("蚌埠", "Bengbu"),
    "340400": ("淮南", "Huainan"),
    "340500": ("马鞍山", "Ma'anshan"),
    "340600": ("淮北", "Huaibei"),
    "340700": ("铜陵", "Tongling"),
    "340800": ("安庆", "Anqing"),
    "341000": ("黄山", "Huangshan"),
    "341100": ("滁州", "Chuzhou"),
    "341200": ("阜阳", "Fuyang"),
    "341300": ("宿州", "Suzhou"),
    "341500": ("六安", "Lu'an"),
    "341600": ("亳州", "Bozhou"),
    "341700": ("池州", "Chizhou"),
    "341800": ("宣城", "Xuancheng"),
    # Fujian
    "350100": ("福州", "Fuzhou"),
    "350200": ("厦门", "Xiamen"),
    "350300": ("莆田", "Putian"),
    "350400": ("三明", "Sanming"),
    "350500": ("泉州", "Quanzhou"),
    "350600": ("漳州", "Zhangzhou"),
    "350700": ("南平", "Nanping"),
    "350800": ("龙岩", "Longyan"),
    "350900": ("宁德", "Ningde"),
    # Jiangxi
    "360100": ("南昌", "Nanchang"),
    "360200": ("景德镇", "Jingdezhen"),
    "360300": ("萍乡", "Pingxiang"),
    "360400": ("九江", "Jiujiang"),
    "360500": ("新余", "Xinyu"),
    "360600": ("鹰潭", "Yingtan"),
    "360700": ("赣州", "Ganzhou"),
    "360800": ("吉安", "Ji'an"),
    "360900": ("宜春", "Yichun"),
    "361000": ("抚州", "Fuzhou"),
    "361100": ("上饶", "Shangrao"),
    # Shandong
    "370100": ("济南", "Jinan"),
    "370200": ("青岛", "Qingdao"),
    "370300": ("淄博", "Zibo"),
    "370400": ("枣庄", "Zaozhuang"),
    "370500": ("东营", "Dongying"),
    "370600": ("烟台", "Yantai"),
    "370700": ("潍坊", "Weifang"),
    "370800": ("济宁", "Jining"),
    "370900": ("泰安", "Tai'an"),
    "371000": ("威海", "Weihai"),
    "371100": ("日照", "Rizhao"),
    "371200": ("莱芜", "Laiwu"),
    "371300": ("临沂", "Linyi"),
    "371400": ("德州", "Dezhou"),
    "371500": ("聊城", "Liaocheng"),
    "371600": ("滨州", "Binzhou"),
    "371700": ("菏泽", "Heze"),
    # Henan
    "410100": ("郑州", "Zhengzhou"),
    "410200": ("开封", "Kaifeng"),
    "410300": ("洛阳", "Luoyang"),
    "410400": ("平顶山", "Pingdingshan"),
    "410500": ("安阳", "Anyang"),
    "410600": ("鹤壁", "Hebi"),
    "410700": ("新乡", "Xinxiang"),
    "410800": ("焦作", "Jiaozuo"),
    "410900": ("濮阳", "Puyang"),
    "411000": ("许昌", "Xuchang"),
    "411100": ("漯河", "Luohe"),
    "411200": ("三门峡", "Sanmenxia"),
    "411300": ("南阳", "Nanyang"),
    "411400": ("商丘", "Shangqiu"),
    "411500": ("信阳", "Xinyang"),
    "411600": ("周口", "Zhoukou"),
    "411700": ("驻马店", "Zhumadian"),
    "419001": ("济源", "Jiyuan"),
    # Hubei
    "420100": ("武汉", "Wuhan"),
    "420200": ("黄石", "Huangshi"),
    "420300": ("十堰", "Shiyan"),
    "420500": ("宜昌", "Yichang"),
    "420600": ("襄阳", "Xiangyang"),
    "420700": ("鄂州", "Ezhou"),
    "420800": ("荆门", "Jingmen"),
    "420900": ("孝感", "Xiaogan"),
    "421000": ("荆州", "Jingzhou"),
    "421100": ("黄冈", "Huanggang"),
    "421200": ("咸宁", "Xianning"),
    "421300": ("随州", "Suizhou"),
    "422800": ("恩施", "Enshi"),
    "429004": ("仙桃", "Xiantao"),
    "429005": ("潜江", "Qianjiang"),
    "429006": ("天门", "Tianmen"),
    "429021": ("神农架", "Shennongjia"),
    # Hunan
    "430100": ("长沙", "Changsha"),
    "430200": ("株洲", "Zhuzhou"),
    "430300": ("湘潭", "Xiangtan"),
    "430400": ("衡阳", "Hengyang"),
    "430500": ("邵阳", "Shaoyang"),
    "430600": ("岳阳", "Yueyang"),
    "430700": ("常德", "Changde"),
    "430800": ("张家界", "Zhangjiajie"),
    "430900": ("益阳", "Yiyang"),
    "431000": ("郴州", "Chenzhou"),
    "431100": ("永州", "Yongzhou"),
    "431200": ("怀化", "Huaihua"),
    "431300": ("娄底", "Loudi"),
    "433100": ("湘西", "Xiangxi"),
    # Guangdong
    "440100": ("广州", "Guangzhou"),
    "440200": ("韶关", "Shaoguan"),
    "440300": ("深圳", "Shenzhen"),
    "440400": ("珠海", "Zhuhai"),
    "440500": ("汕头", "Shantou"),
    "440600": ("佛山", "Foshan"),
    "440700": ("江门", "Jiangmen"),
    "440800": ("湛江", "Zhanjiang"),
    "440900": ("茂名", "Maoming"),
    "441200": ("肇庆", "Zhaoqing"),
    "441300": ("惠州", "Huizhou"),
    "441400": ("梅州", "Meizhou"),
    "441500": ("汕尾", "Shanwei"),
    "441600": ("河源", "Heyuan"),
    "441700": ("阳江", "Yangjiang"),
    "441800": ("清远", "Qingyuan"),
    "441900": ("东莞", "Dongguan"),
    "442000": ("中山", "Zhongshan"),
    "445100": ("潮州", "Chaozhou"),
    "445200": ("揭阳", "Jieyang"),
    "445300": ("云浮", "Yunfu"),
    # Guangxi
    "450100": ("南宁", "Nanning"),
    "450200": ("柳州", "Liuzhou"),
    "450300": ("桂林", "Guilin"),
    "450400": ("梧州", "Wuzhou"),
    "450500": ("北海", "Beihai"),
    "450600": ("防城港", "Fangchenggang"),
    "450700": ("钦州", "Qinzhou"),
    "450800": ("贵港", "Guigang"),
    "450900": ("玉林", "Yulin"),
    "451000": ("百色", "Baise"),
    "451100": ("贺州", "Hezhou"),
    "451200": ("河池", "Hechi"),
    "451300": ("来宾", "Laibin"),
    "451400": ("崇左", "Chongzuo"),
    # Hainan
    "460100": ("海口", "Haikou"),
    "460200": ("三亚", "Sanya"),
    "469001": ("五指山", "Wuzhishan"),
    "469002": ("琼海", "Qionghai"),
    "469003": ("儋州", "Danzhou"),
    "469005": ("文昌", "Wenchang"),
    "469006": ("万宁", "Wanning"),
    "469007": ("东方", "Dongfang"),
    "469021": ("定安县", "Ding'an"),
    "469022": ("屯昌县", "Tunchang"),
    "469023": ("澄迈县", "Chengmai"),
    "469024": ("临高县", "Lingao"),
    "469025": ("白沙", "Baisha"),
    "469026": ("昌江", "Changjiang"),
    "469027": ("乐东", "Ledong"),
    "469028": ("陵水", "Lingshui"),
    "469029": ("保亭", "Baoting"),
    "469030": ("琼中", "Qiongzhong"),
    # Sichuan
    "510100": ("成都", "Chengdu"),
    "510300": ("自贡", "Zigong"),
    "510400": ("攀枝花", "Panzhihua"),
    "510500": ("泸州", "Luzhou"),
    "510600": ("德阳", "Deyang"),
    "510700": ("绵阳", "Mianyang"),
    "510800": ("广元", "Guangyuan"),
    "510900": ("遂宁", "Suining"),
    "511000": ("内江", "Neijiang"),
    "511100": ("乐山", "Leshan"),
    "511300": ("南充", "Nanchong"),
    "511400": ("眉山", "Meishan"),
    "511500": ("宜宾", "Yibin"),
    "511600": ("广安", "Guang'an"),
    "511700": ("达州", "Dazhou"),
    "511800": ("雅安", "Ya'an"),
    "511900": ("巴中", "Bazhong"),
    "512000": ("资阳", "Ziyang"),
    "513200": ("阿坝", "Ngawa"),
    "513300": ("甘孜", "Garzê"),
    "513400": ("凉山", "Liangshan"),
    # Guizhou
    "520100": ("贵阳", "Guiyang"),
    "520200": ("六盘水", "Liupanshui"),
    "520300": ("遵义", "Zunyi"),
    "520400": ("安顺", "Anshun"),
    "520500": ("毕节", "Bijie"),
    "520600": ("铜仁", "Tongren"),
    "522300": ("黔西南", "Qianxinan"),
    "522600": ("黔东南", "Qiandongnan"),
    "522700": ("黔南", "Qiannan"),
    # Yunnan
    "530100": ("昆明", "Kunming"),
    "530300": ("曲靖", "Qujing"),
    "530400": ("玉溪", "Yuxi"),
    "530500": ("保山", "Baoshan"),
    "530600": ("昭通", "Zhaotong"),
    "530700": ("丽江", "Lijiang"),
    "530800": ("普洱", "Pu'er"),
    "530900": ("临沧", "Lincang"),
    "532300": ("楚雄", "Chuxiong"),
    "532500": ("红河", "Honghe"),
    "532600": ("文山", "Wenshan"),
    "532800": ("西双版纳", "Xishuangbanna"),
    "532900": ("大理", "Dali"),
    "533100": ("德宏", "Dehong"),
    "533300": ("怒江", "Nujiang"),
    "533400": ("迪庆", "Dêqên"),
    # Tibet
    "540100": ("拉萨", "Lhasa"),
    "540200": ("日喀则", "Shigatse"),
    "540300": ("昌都", "Chamdo"),
    "542200": ("山南", "Shannan (Lhoka)"),
    "542400": ("那曲", "Nagqu"),
    "542500": ("阿里", "Ngari"),
    "542600": ("林芝", "Nyingchi"),
    # Shaanxi
    "610100": ("西安", "Xi'an"),
    "610200": ("铜川", "Tongchuan"),
    "610300": ("宝鸡", "Baoji"),
    "610400": ("咸阳", "Xianyang"),
    "610500": ("渭南", "Weinan"),
    "610600": ("延安", "Yan'an"),
    "610700": ("汉中", "Hanzhong"),
    "610800": ("榆林", "Yulin"),
    "610900": ("安康", "Ankang"),
    "611000": ("商洛", "Shangluo"),
    # Gansu
    "620100": ("兰州", "Lanzhou"),
    "620200": ("嘉峪关", "Jiayuguan"),
    "620300": ("金昌", "Jinchang"),
    "620400": ("白银", "Baiyin"),
    "620500": ("天水", "Tianshui"),
    "620600": ("武威", "Wuwei"),
    "620700": ("张掖", "Zhangye"),
    "620800": ("平凉", "Pingliang"),
    "620900": ("酒泉", "Jiuquan"),
    "621000": ("庆阳", "Qingyang"),
    "621100": ("定西", "Dingxi"),
    "621200": ("陇南", "Longnan"),
    "622900": ("临夏", "Linxia"),
    "623000": ("甘南", "Gannan"),
    # Qinghai
    "630100": ("西宁", "Xining"),
    "630200": ("海东", "Haidong"),
    "632200": ("海北", "Haibei"),
    "632300": ("黄南", "Huangnan"),
    "632500": ("海南", "Hainan"),
    "632600": ("果洛", "Golog"),
    "632700": ("玉树", "Yushu"),
    "632800": ("海西", "Haixi"),
    # Ningxia
    "640100": ("银川", "Yinchuan"),
    "640200": ("石嘴山", "Shizuishan"),
    "640300": ("吴忠", "Wuzhong"),
    "640400": ("固原", "Guyuan"),
    "640500": ("中卫", "Zhongwei"),
    # Xinjiang
    "650100": ("乌鲁木齐", "Urumqi"),
    "650200": ("克拉玛依", "Karamay"),
    "652100": ("吐鲁番", "Turpan"),
    "652200": ("哈密", "Hami"),
    "652300": ("昌吉", "Changji"),
    "652700": ("博尔塔拉", "Bortala"),
    "652800": ("巴音郭楞", "Bayingolin"),
    "652900": ("阿克苏", "Aksu"),
    "653000": ("克孜勒苏", "Kizilsu"),
    "653100": ("喀什", "Kashgar"),
    "653200": ("和田", "Hotan"),
    "654000": ("伊犁", "Ili"),
    "654200": ("塔城", "Tacheng"),
    "654300": ("阿勒泰", "Altay"),
    "659001": ("石河子", "Shihezi"),
    "659002": ("阿拉尔", "Aral"),
    "659003": ("图木舒克", "Tumxuk"),
    "659004": ("五家渠", "Wujiaqu"),
    "659005": ("北屯", "Beitun"),
    "659006": ("铁门关", "Tiemenguan"),
    "659007": ("双河", "Shuanghe"),
}


# ---------------------------------------------------------------- decoding

def decode_ring(encoded, offset):
    """Decode one echarts-compressed ring to a list of (x, y) grid points."""
    x, y = offset
    points = []
    for i in range(0, len(encoded) - 1, 2):
        dx = ord(encoded[i]) - 64
        dy = ord(encoded[i + 1]) - 64
        x += (dx >> 1) ^ -(dx & 1)
        y += (dy >> 1) ^ -(dy & 1)
        points.append((x, y))
    return points


def plain_ring(coordinates):
    return [(round(p[0] * SCALE), round(p[1] * SCALE)) for p in coordinates]


def load_features(path):
    """Return [(code, name, [ring, …])] with every ring of a feature, flattened."""
    with open(path, encoding="utf-8") as f:
        collection = json.load(f)
    encoded = collection.get("UTF8Encoding", False)
    features = []
    for feature in collection["features"]:
        geometry = feature["geometry"]
        code = str(feature.get("id") or feature["properties"]["id"])
        if geometry["type"] == "Polygon":
            polygons = [geometry["coordinates"]]
            offsets = [geometry.get("encodeOffsets")]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["coordinates"]
            offsets = geometry.get("encodeOffsets") or [None] * len(polygons)
        else:
            raise ValueError("%s: unexpected geometry %s" % (code, geometry["type"]))
        rings = []
        for polygon, polygon_offsets in zip(polygons, offsets):
            for i, ring in enumerate(polygon):
                if encoded:
                    rings.append(decode_ring(ring, polygon_offsets[i]))
                else:
                    rings.append(plain_ring(ring))
        features.append((code, feature["properties"].get("name", ""), rings))
    return features


# ---------------------------------------------------------------- geometry

def signed_area2(ring):
    """Twice the signed area of a closed ring (positive: counter-clockwise)."""
    s = 0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        s += x1 * y2 - x2 * y1
    return s


def clean_ring(ring):
    """Drop repeated points and close the ring; None if it is degenerate."""
    out = []
    for p in ring:
        if not out or out[-1] != p:
            out.append(p)
    while len(out) > 1 and out[-1] == out[0]:
        out.pop()
    if len(set(out)) < 3:
        return None
    out.append(out[0])
    if signed_area2(out) == 0:
        return None
    return out


def oriented(ring, counter_clockwise):
    if (signed_area2(ring) > 0) == counter_clockwise:
        return ring
    return ring[::-1]


def bbox(ring):
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def point_in_ring(point, ring):
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y):
            if x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def ring_inside(inner, inner_box, outer, outer_box, outer_points):
    if (inner_box[0] < outer_box[0] or inner_box[1] < outer_box[1] or
            inner_box[2] > outer_box[2] or inner_box[3] > outer_box[3]):
        return False
    for p in inner:
        if p not in outer_points:
            return point_in_ring(p, outer)
    return False


def build_polygons(raw_rings):
    """Group a feature's rings into polygons [outer, hole, …] by nesting.

    A ring nested in another ring of the feature with the opposite winding
    is a hole; with the same winding it adds nothing and is dropped.  Outer
    rings come out counter-clockwise, holes clockwise, largest polygon first.
    """
    rings = [r for r in (clean_ring(r) for r in raw_rings) if r is not None]
    boxes = [bbox(r) for r in rings]
    areas = [signed_area2(r) for r in rings]
    point_sets = [set(r) for r in rings]
    containers = []
    for i, ring in enumerate(rings):
        containers.append([j for j in range(len(rings)) if j != i and
                           abs(areas[j]) > abs(areas[i]) and
                           ring_inside(ring, boxes[i], rings[j], boxes[j], point_sets[j])])
    role = {}
    for i in sorted(range(len(rings)), key=lambda k: (len(containers[k]), k)):
        parents = [j for j in containers[i] if role[j][0] != "dropped"]
        if not parents:
            role[i] = ("outer",)
            continue
        parent = min(parents, key=lambda j: abs(areas[j]))
        if role[parent][0] == "outer" and (areas[parent] > 0) != (areas[i] > 0):
            role[i] = ("hole", parent)
        else:
            role[i] = ("dropped",)
    polygons = []
    for i in range(len(rings)):
        if role[i][0] != "outer":
            continue
        holes = [oriented(rings[j], False) for j in range(len(rings)) if role[j] == ("hole", i)]
        holes.sort(key=lambda h: (signed_area2(h), h[0]))
        polygons.append([oriented(rings[i], True)] + holes)
    polygons.sort(key=lambda pg: (-signed_area2(pg[0]), pg[0][0]))
    return polygons


def segment_distance(p, a, b):
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 == 0:
        t = 0.0
    else:
        t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    ex, ey = ax + t * dx - px, ay + t * dy - py
    return (ex * ex + ey * ey) ** 0.5


# ---------------------------------------------------------------- shared borders
#
# Every ring has its feature on the left (outer rings counter-clockwise, holes
# clockwise), so a border that two features share is walked in opposite
# directions by the two.

def vertex_features(features):
    users = {}
    for code, polygons in features.items():
        for polygon in polygons:
            for ring in polygon:
                for p in ring:
                    users.setdefault(p, set()).add(code)
    return users


def stretch_deviation(path, stretch):
    """Largest distance from a point of path to the polyline stretch."""
    worst = 0.0
    for p in path:
        worst = max(worst, min(segment_distance(p, a, b)
                               for a, b in zip(stretch, stretch[1:])))
    return worst


def vertex_positions(polygons):
    positions = {}
    for polygon in polygons:
        for ring in polygon:
            for k in range(len(ring) - 1):
                positions.setdefault(ring[k], []).append((ring, k))
    return positions


def neighbour_path(code, a, b, features, positions, users):
    """The neighbours' vertices between a and b, listed from a; or None.

    Walks a neighbour's ring backwards from a (the neighbour lies on the
    other side of the border) over vertices only it uses, to b.  On the way
    it may switch once, at a vertex shared by two neighbours, to the ring of
    a neighbour that has b; the shortest such path wins.
    """
    def rings_at(neighbour, p):
        if neighbour not in positions:
            positions[neighbour] = vertex_positions(features[neighbour])
        return positions[neighbour].get(p, ())

    best = None
    for first in sorted(users[a] - {code}):
        for ring, k in rings_at(first, a):
            neighbour, switched, path = first, False, []
            while len(path) <= CONFLATE_MAX_PATH:
                k = (k - 1) % (len(ring) - 1)
                p = ring[k]
                if p == b:
                    if best is None or len(path) < len(best):
                        best = path
                    break
                if users[p] == {neighbour}:
                    path.append(p)
                    continue
                others = users[p] - {neighbour}
                if switched or len(others) != 1 or code in others or not others & users[b]:
                    break
                neighbour, switched = others.pop(), True
                ring, k = rings_at(neighbour, p)[0]
                path.append(p)
    return best


def conflate(code, features, users, positions, max_deviation):
    """Give a feature its neighbours' vertices where its own border is coarser.

    Between two consecutive vertices a and b that the feature shares with
    neighbours, with at most CONFLATE_MAX_GAP vertices of its own in between,
    the feature takes the neighbours' vertices between b and a instead, if
    they stay within max_deviation of its own stretch.  Returns the number of
    stretches replaced.
    """
    changed = 0
    for polygon in features[code]:
        for r, ring in enumerate(polygon):
            n = len(ring) - 1
            anchors = [k for k in range(n) if users[ring[k]] - {code}]
            if len(anchors) < 2:
                continue
            new = []
            for idx, i in enumerate(anchors):
                j = anchors[(idx + 1) % len(anchors)]
                own = [ring[(i + k) % n] for k in range(1, (j - i) % n)]
                a, b = ring[i], ring[j]
                replacement = None
                if len(own) <= CONFLATE_MAX_GAP:
                    path = neighbour_path(code, a, b, features, positions, users)
                    if (path is not None and path != own and
                            stretch_deviation(path, [a] + own + [b]) <= max_deviation):
                        replacement = path
                new.append(a)
                if replacement is None:
                    new.extend(own)
                    continue
                new.extend(replacement)
                for p in own:
                    users[p].discard(code)
                for p in replacement:
                    users[p].add(code)
                changed += 1
            new.append(new[0])
            polygon[r] = new
    if changed:
        positions.pop(code, None)
    return changed


# ---------------------------------------------------------------- simplification

def douglas_peucker(points, tolerance):
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = -1.0, -1
        for k in range(first + 1, last):
            d = segment_distance(points[k], points[first], points[last])
            if d > worst:
                worst, index = d, k
        if index >= 0 and worst > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def simplify_run(run, tolerance):
    """Simplify a run between two fixed vertices (which may be the same)."""
    if len(run) <= 2:
        return run
    if run[0] != run[-1]:
        return douglas_peucker(run, tolerance)
    # Closed run: split at the vertex farthest from its start.
    start = run[0]
    far = max(range(1, len(run) - 1),
              key=lambda k: ((run[k][0] - start[0]) ** 2 + (run[k][1] - start[1]) ** 2, -k))
    return (douglas_peucker(run[:far + 1], tolerance)[:-1] +
            douglas_peucker(run[far:], tolerance))


def fixed_vertices(features, users):
    """Vertices no simplification may remove, identical for every ring using them."""
    fixed = set()
    neighbours = {}
    for polygons in features.values():
        for polygon in polygons:
            for ring in polygon:
                fixed.add(ring[0])
                for k in range(len(ring) - 1):
                    p, prev, nxt = ring[k], ring[k - 1], ring[k + 1]
                    if len(users[p]) >= 3 or users[p] != users[prev] or users[p] != users[nxt]:
                        fixed.add(p)
                    neighbours.setdefault(p, set()).add(frozenset((prev, nxt)))
    fixed.update(p for p, pairs in neighbours.items() if len(pairs) > 1)
    return fixed


def simplify_ring(ring, fixed, tolerance, cache):
    """Simplify each run between fixed vertices, the same way in both directions."""
    n = len(ring) - 1
    cuts = [k for k in range(n) if ring[k] in fixed] + [n]
    out = [ring[0]]
    for i, j in zip(cuts, cuts[1:]):
        run = tuple(ring[i:j + 1])
        canonical = min(run, run[::-1])
        if canonical not in cache:
            cache[canonical] = simplify_run(list(canonical), tolerance)
        result = cache[canonical]
        if canonical != run:
            result = result[::-1]
        out.extend(result[1:])
    if len(out) < 4 or len(set(out)) < 3 or signed_area2(out) == 0:
        return ring, False
    return out, True


# ---------------------------------------------------------------- output

def format_coordinate(value):
    text = ("%.4f" % (value / SCALE)).rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def written_ring(ring, counter_clockwise):
    """Format a ring, oriented as asked; None if degenerate once rounded."""
    texts = [(format_coordinate(x), format_coordinate(y)) for x, y in ring]
    values = [(float(x), float(y)) for x, y in texts]
    area = 0.0
    for (x1, y1), (x2, y2) in zip(values, values[1:]):
        area += x1 * y2 - x2 * y1
    if area == 0.0:
        return None
    if (area > 0) != counter_clockwise:
        texts.reverse()
    return "[" + ",".join("[%s,%s]" % p for p in texts) + "]"


def feature_json(code, polygons):
    parts = []
    for polygon in polygons:
        outer = written_ring(polygon[0], True)
        if outer is None:
            continue
        holes = [written_ring(h, False) for h in polygon[1:]]
        parts.append("[" + ",".join([outer] + [h for h in holes if h is not None]) + "]")
    if not parts:
        raise ValueError("%s: no polygon left" % code)
    return ('{"type":"Feature","properties":{"code":%d},'
            '"geometry":{"type":"MultiPolygon","coordinates":[%s]}}'
            % (int(code), ",".join(parts)))


def write_collection(path, features):
    header = json.dumps({"type": "FeatureCollection", "tanlu": TANLU_MEMBER},
                        ensure_ascii=False, separators=(",", ":"))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header[:-1] + ',"features":[\n' + ",\n".join(features) + "\n]}\n")


def write_csv(path, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(("code", "level", "parent", "name_zh", "name_en"))
    writer.writerows(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buffer.getvalue())


# ---------------------------------------------------------------- main

def registry(provinces, cities):
    """Rows of regions.csv, and the city codes with their source feature codes."""
    rows = [("100000", "nation", "", "中国", "China")]
    province_codes = set()
    for code, name, _rings in provinces:
        if code not in PROVINCES or PROVINCES[code][0] != name:
            raise ValueError("unexpected provincial unit %s %s" % (code, name))
        province_codes.add(code)
        rows.append((code, "province", "100000") + PROVINCES[code])
    if province_codes != set(PROVINCES):
        raise ValueError("missing provincial units: %s" % sorted(set(PROVINCES) - province_codes))
    city_codes = {}
    for code, name, _rings in cities:
        if code in NOT_CITIES:
            continue
        if code in MUNICIPALITIES:
            if PROVINCES[code][0] != name:
                raise ValueError("unexpected municipality %s %s" % (code, name))
            city = "%d" % (int(code) + 100)
            city_codes[city] = code
            rows.append((city, "city", code) + PROVINCES[code])
            continue
        if code not in CITIES or CITIES[code][0] != name:
            raise ValueError("unexpected city %s %s" % (code, name))
        if code[:2] + "0000" not in province_codes:
            raise ValueError("city %s has no province" % code)
        city_codes[code] = code
        rows.append((code, "city", code[:2] + "0000") + CITIES[code])
    if set(CITIES) - set(city_codes):
        raise ValueError("missing cities: %s" % sorted(set(CITIES) - set(city_codes)))
    rows.sort(key=lambda row: int(row[0]))
    return rows, city_codes


def simplified_cities(cities, city_codes):
    by_source = {code: rings for code, _name, rings in cities}
    features = {city: build_polygons(by_source[source]) for city, source in city_codes.items()}
    codes = sorted(features, key=int)

    # Tiny polygons stuck to a neighbour are slivers where the two features'
    # lines disagree, not territory.
    users = vertex_features(features)
    for code in codes:
        features[code] = [polygon for polygon in features[code]
                          if abs(signed_area2(polygon[0])) >= 2 * SLIVER_AREA or
                          all(len(users[p]) == 1 for p in polygon[0])]

    # The municipalities are far coarser than their neighbours; then mend the
    # small disagreements between other neighbours.
    users = vertex_features(features)
    positions = {}
    for code in MUNICIPALITIES:
        conflate("%d" % (int(code) + 100), features, users, positions,
                 CONFLATE_MUNICIPAL_DEVIATION)
    for _ in range(5):
        users = vertex_features(features)
        if sum(conflate(code, features, users, positions, CONFLATE_DEVIATION)
               for code in codes) == 0:
            break
    for code in codes:
        polygons = []
        for polygon in features[code]:
            outer = clean_ring(polygon[0])
            if outer is not None:
                holes = [h for h in (clean_ring(r) for r in polygon[1:]) if h is not None]
                polygons.append([oriented(outer, True)] + [oriented(h, False) for h in holes])
        features[code] = polygons
    users = vertex_features(features)
    fixed = fixed_vertices(features, users)

    tolerance = TOLERANCE * SCALE
    cache = {}
    stats = {"before": 0, "after": 0, "kept": 0}
    out = []
    for code in codes:
        polygons = []
        for polygon in features[code]:
            rings = []
            for ring in polygon:
                simple, ok = simplify_ring(ring, fixed, tolerance, cache)
                rings.append(simple)
                stats["before"] += len(ring)
                stats["after"] += len(simple)
                stats["kept"] += 0 if ok else 1
            polygons.append(rings)
        out.append(feature_json(code, polygons))
    sys.stderr.write("cities: %d features, %d -> %d points at %g°, %d rings kept as they were\n"
                     % (len(out), stats["before"], stats["after"], TOLERANCE, stats["kept"]))
    return out


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    source = os.path.join(argv[1], "map", "json")
    here = os.path.dirname(os.path.abspath(__file__))

    contour = load_features(os.path.join(source, "china-contour.json"))
    provinces = load_features(os.path.join(source, "china.json"))
    cities = load_features(os.path.join(source, "china-cities.json"))

    rows, city_codes = registry(provinces, cities)
    write_csv(os.path.join(here, "regions.csv"), rows)
    for name, features in (("nation.geojson", contour), ("provinces.geojson", provinces)):
        out = [feature_json(code, build_polygons(rings))
               for code, _name, rings in sorted(features, key=lambda f: int(f[0]))]
        write_collection(os.path.join(here, name), out)
    write_collection(os.path.join(here, "cities.geojson"), simplified_cities(cities, city_codes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
