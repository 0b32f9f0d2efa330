#!/usr/bin/env python3
"""Generates notebooks/data/segmentation.txt: Chinese sentences tagged for word segmentation (BMES).

    python3 scripts/make_segmentation.py notebooks/data/segmentation.txt

Sentences are built from a few templates and word lists below (fixed seed, same file every run). Each line
is one sentence of `char/TAG` items separated by spaces, where the tag says where the character sits in its
word: B begins a word, M is inside it, E ends it, S is a one-character word (`我/S 去/S 北/B 京/E`).
The word lists share characters on purpose (学生, 学习, 学校, 同学们; 中国, 中国人, 中文; 好吃, 好看)
so that a tagger must use the context rather than the character alone.
"""
import random
import sys

SEED = 11
SENTENCES = 600

SUBJECTS = ["我", "你", "他", "她", "我们", "他们", "老师", "学生", "小明", "妈妈", "爸爸", "朋友", "同学们",
            "医生", "中国人", "工程师", "哥哥", "妹妹"]
TIMES = ["今天", "明天", "昨天", "早上", "晚上", "下午", "周末", "现在", "每天", "星期一"]
ADVERBS = ["都", "也", "常常", "一起", "很快", "已经", "马上", "不"]
PLACES = ["北京", "上海", "学校", "图书馆", "公园", "北京大学", "中国", "医院", "商店", "博物馆", "家"]
VERB_OBJECTS = {
    "吃": ["苹果", "米饭", "面条", "水果", "饺子"],
    "看": ["电影", "书", "电视", "报纸"],
    "学习": ["中文", "数学", "汉字", "历史"],
    "买": ["苹果", "书", "电脑", "水果", "衣服"],
    "写": ["汉字", "信", "作业", "日记"],
    "打": ["篮球", "电话"],
}
ADJECTIVES = ["好吃", "有意思", "难", "好看", "便宜", "贵", "容易", "漂亮"]


def sentence(rng):
    subject = rng.choice(SUBJECTS)
    verb = rng.choice(sorted(VERB_OBJECTS))
    obj = rng.choice(VERB_OBJECTS[verb])
    kind = rng.randrange(5)
    if kind == 0:
        words = [subject] + ([rng.choice(TIMES)] if rng.random() < 0.5 else [])
        words += ([rng.choice(ADVERBS)] if rng.random() < 0.4 else []) + ["去", rng.choice(PLACES)]
    elif kind == 1:
        words = [rng.choice(TIMES), "，", subject, "在", rng.choice(PLACES), verb, obj]
    elif kind == 2:
        words = [subject] + ([rng.choice(ADVERBS)] if rng.random() < 0.5 else []) + ["喜欢", verb, obj]
    elif kind == 3:
        words = [subject, "觉得", obj, "很", rng.choice(ADJECTIVES)]
    else:
        words = [subject, rng.choice(TIMES), "要", verb, obj, "，", "然后", "去", rng.choice(PLACES)]
    return words + ["。"]


def tagged(words):
    items = []
    for word in words:
        if len(word) == 1:
            items.append(word + "/S")
        else:
            items.append(word[0] + "/B")
            items.extend(c + "/M" for c in word[1:-1])
            items.append(word[-1] + "/E")
    return " ".join(items)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "notebooks/data/segmentation.txt"
    rng = random.Random(SEED)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for _ in range(SENTENCES):
            f.write(tagged(sentence(rng)) + "\n")


if __name__ == "__main__":
    main()
