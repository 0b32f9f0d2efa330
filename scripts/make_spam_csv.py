#!/usr/bin/env python3
"""Generates notebooks/data/spam.csv: short text messages labelled `spam` or `ham`.

Every message is built from templates and word lists below with a fixed seed, so running the script again
gives the same file byte for byte:

    python3 scripts/make_spam_csv.py notebooks/data/spam.csv

Some noise keeps a classifier from reaching 100%: about 4% of labels are flipped, some ham borrows spam
words ("free", "win", "call now") and some spam is written plainly; messages get random casing, typos and
shouting. Texts contain commas, quotes and a few line breaks, so the CSV exercises RFC 4180 quoting.
"""
import csv
import random
import sys

SEED = 20240611
ROWS = 1200
SPAM_SHARE = 0.32
FLIP_SHARE = 0.04

NAMES = ["Anna", "Ben", "Chloe", "Dan", "Emma", "Femi", "Grace", "Hugo", "Isla", "Jay", "Kate", "Leo",
         "Mia", "Nico", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tom", "Uma", "Vic", "Wen", "Yusuf", "Zoe",
         "mum", "dad", "babe", "mate"]
PLACES = ["the station", "the pub", "Tesco", "the library", "uni", "work", "the gym", "the cinema",
          "Nando's", "the park", "your place", "mine", "the bus stop", "the office", "town", "the cafe"]
TIMES = ["at 5", "at half 6", "around 7", "after lunch", "tonight", "tomorrow", "on Sunday", "in 10 mins",
         "later", "at noon", "this evening", "before 9", "on Friday", "next week", "in an hour"]
FOODS = ["pizza", "curry", "chips", "tea", "coffee", "dinner", "lunch", "a takeaway", "cake", "noodles"]
THINGS = ["keys", "charger", "jacket", "umbrella", "wallet", "notes", "headphones", "book", "laptop", "bag"]
FEELINGS = ["tired", "knackered", "bored", "happy", "starving", "stressed", "fine", "ill", "excited", "cold"]
ACTIVITIES = ["watch the match", "study", "go for a run", "do the shopping", "see the film", "revise",
              "clean the flat", "cook", "play football", "walk the dog", "finish the essay"]

HAM_TEMPLATES = [
    "Hey {name}, are we still on for {food} {time}?",
    "I'm at {place}, where are you?",
    "Can you pick up some milk on the way home",
    "Sorry, running late. Be there {time}",
    "Did you see my {thing}? I think I left it at {place}",
    "Ok see you {time} x",
    "Feeling {feeling} today, might skip {activity}",
    "{name} says hi. We're going to {place} {time}, coming?",
    "Don't forget to {activity} {time}!",
    "Thanks for {food} last night, it was lovely",
    "Just got home. So {feeling} lol",
    "What time does {place} close?",
    "Happy birthday {name}!! Have a great day",
    "Can't talk now, in a meeting. Call you {time}",
    "Is it ok if I bring {name} along {time}?",
    "Lol that's hilarious. Tell {name}",
    "Ur {thing} is in my bag, I'll drop it off {time}",
    "Shall we {activity} {time} or are you too {feeling}?",
    "Mum says dinner is {food} {time}, don't be late",
    "Where did you park? I'm outside {place}",
    "Yeah, sounds good. I'll text you when I leave {place}",
    "Need anything from {place}? Going there {time}",
    "K, I'll call {name}",
    "Haha no way. Did {name} really say that?",
    "My train is delayed again, ugh. Home {time}",
    "Good luck with the exam {time}, you'll be fine",
    "Remember your {thing}, it's going to rain",
    "\"Free\" tickets my foot, {name} made us pay for {food} too",
    "I won the quiz at {place}! Free {food} for a week haha",
    "Call me when you're free, nothing urgent",
    "The prize draw at work was rigged, {name} won again lol",
    "Can you send me the notes from {time}? Need them to {activity}",
    "Got a new phone, this is my number now. {name}",
    "Your order from {place} has been collected, thanks {name}",
    "Meeting moved, now {time}, same room.\nBring the {thing}",
]

PRIZES = ["a £1000 cash prize", "a FREE iPhone", "a £500 Tesco voucher", "2 free flights", "a brand new car",
          "£250 in bonus credit", "a luxury cruise", "a 50% discount", "free ringtones", "a £2000 award",
          "an Amazon gift card", "a holiday for 2"]
ACTIONS = ["Call 09061{num}", "Text WIN to 8{num}", "Reply YES to 6{num}", "Visit www.win-{word}.com",
           "Claim at http://bit.do/{word}{num}", "Call now on 0800{num}", "Txt CLAIM to 8{num}",
           "Go to {word}-prize.net"]
URGENCY = ["now", "today", "before midnight", "within 24hrs", "immediately", "while stocks last", "ASAP"]
SPAM_WORDS = ["winner", "bonus", "exclusive", "guaranteed", "urgent", "selected", "lucky", "offer"]

SPAM_TEMPLATES = [
    "Congratulations! You have won {prize}. {action} {urgency}.",
    "URGENT! Your mobile number has been selected to receive {prize}. {action}",
    "You are a {spamword} winner! {action} to claim {prize} {urgency}",
    "FREE entry into our weekly draw for {prize}. {action}. T&Cs apply, 18+",
    "Your account has been suspended. {action} to verify your details {urgency}",
    "Dear customer, you are owed {prize} in compensation. {action}",
    "Hot singles in your area want to meet you! {action}",
    "{spamword} OFFER: {prize} for just £1. {action} {urgency}",
    "You have 1 new voicemail. {action} to listen. Calls cost 150p/min",
    "Last chance to claim {prize}, your code is {num}. {action}",
    "Want cheap loans? Bad credit OK, {spamword} approval. {action}",
    "We tried to deliver your parcel. {action} to reschedule {urgency}",
    "Hi {name}, it's me, I changed my number. Can you send me £50 {urgency}? {action}",
    "Reminder: your {spamword} reward of {prize} expires {urgency}. {action}",
    "Your Netflix payment failed. {action} to keep your account",
    "As a valued customer you get {prize}. Stop? txt STOP to 8{num}",
    "Earn £500 a day from home, no experience needed! {action}",
    "Hey, great news about {prize}! Just {action} {urgency}",
    "Your {spamword} prize is waiting,\n{action}",
    "Hi, thought you might like this: {prize} for members. {action}",
]


def typo(rng: random.Random, text: str) -> str:
    """Swaps, drops or doubles one letter."""
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    if len(letters) < 4:
        return text
    i = rng.choice(letters[1:-1])
    kind = rng.randrange(3)
    if kind == 0 and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    if kind == 1:
        return text[:i] + text[i + 1:]
    return text[:i] + text[i] + text[i:]


def fill(rng: random.Random, template: str) -> str:
    values = {
        "name": rng.choice(NAMES), "place": rng.choice(PLACES), "time": rng.choice(TIMES),
        "food": rng.choice(FOODS), "thing": rng.choice(THINGS), "feeling": rng.choice(FEELINGS),
        "activity": rng.choice(ACTIVITIES), "prize": rng.choice(PRIZES), "urgency": rng.choice(URGENCY),
        "spamword": rng.choice(SPAM_WORDS), "num": str(rng.randrange(1000, 99999)),
        "word": rng.choice(["prize", "claim", "cash", "lucky", "gift", "deal"]),
    }
    values["action"] = rng.choice(ACTIONS).format(**values)
    return template.format(**values)


def message(rng: random.Random, spam: bool) -> str:
    if spam and rng.random() < 0.12:
        # Spam written plainly, without the usual tell-tale words.
        text = fill(rng, rng.choice(HAM_TEMPLATES)) + " " + rng.choice(
            ["More info: www.{0}.info", "Details at {0}-deals.com", "See {0}.co.uk"]).format(
            rng.choice(["shop", "best", "top", "uk"]))
    else:
        text = fill(rng, rng.choice(SPAM_TEMPLATES if spam else HAM_TEMPLATES))
    if not spam and rng.random() < 0.1:
        text += " " + rng.choice(["Call me now!", "Free tonight?", "I won!", "Text me back ASAP",
                                  "Great offer at Tesco btw", "Urgent: reply pls"])
    roll = rng.random()
    if roll < 0.15:
        text = text.upper() if spam else text.lower()
    elif roll < 0.22:
        text = text.lower()
    for _ in range(rng.choice([0, 0, 0, 1, 1, 2])):
        text = typo(rng, text)
    return text


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else "notebooks/data/spam.csv"
    rng = random.Random(SEED)
    rows = []
    for _ in range(ROWS):
        spam = rng.random() < SPAM_SHARE
        text = message(rng, spam)
        label = spam if rng.random() >= FLIP_SHARE else not spam
        rows.append((text, "spam" if label else "ham"))
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["text", "label"])
        writer.writerows(rows)


if __name__ == "__main__":
    main()
