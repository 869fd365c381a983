#!/usr/bin/python3
"""Dev-only experiment (issue 17): a neural character tagger on the recognizer's training data.

Not part of the build or the product. It answers one question: does a neural model class reach
the name targets on the dev splits, and at what size? Needs Debian's torch
(`apt-get install -y python3-torch`, run with /usr/bin/python3; there is no PyPI here).

Input: the files `export.mjs` writes (the training text and dev splits folded exactly as the
server folds them, gold PER/ORG/LOC spans, MISC dropped). Tags are the recognizer's 13 BIES tags
(O, then B/I/E/S per type), decoded with the same exact-span scorer as tools/train-ner.mjs.

    npm run build && node tools/ner-neural/export.mjs /tmp/ner-neural
    nice -n 19 flock /tmp/zh-train.lock /usr/bin/python3 tools/ner-neural/train.py /tmp/ner-neural \
        --encoder lstm --hidden 128 --epochs 8

With --linear-features D the linear model's own hashed features (30 slots a character: character
n-grams, dictionary words and classes, the jackknifed names list, ...) are embedded too, D
dimensions a bucket, summed: the neural model then sees everything the linear one sees. Write them
first with the linear trainer (the same dictionary as the shipped model):

    npm install --no-save @node-rs/jieba@2.0.3
    node --max-old-space-size=6000 tools/train-ner.mjs --dict node_modules/@node-rs/jieba/dict.txt \
        --dump-features /tmp/ner-neural

Model: character + left/right character-bigram embeddings, an encoder (BiLSTM, or a stack of
width-3 convolutions), a linear layer to the 13 tags and a linear-chain CRF whose impossible BIES
transitions are fixed at -1e4.
"""
import argparse, collections, json, math, random, sys, time

import torch
import torch.nn as nn

torch.set_num_threads(1)  # the machine's other core is shared by everyone else

p = argparse.ArgumentParser()
p.add_argument('data')
p.add_argument('--encoder', choices=['lstm', 'cnn'], default='lstm')
p.add_argument('--char-dim', type=int, default=64)
p.add_argument('--bigram-dim', type=int, default=64)
p.add_argument('--hidden', type=int, default=128, help='LSTM units per direction, or CNN channels')
p.add_argument('--layers', type=int, default=1, help='LSTM layers, or CNN layers')
p.add_argument('--bigram-min', type=int, default=2)
p.add_argument('--dropout', type=float, default=0.3)
p.add_argument('--lr', type=float, default=2e-3)
p.add_argument('--epochs', type=int, default=8)
p.add_argument('--batch-chars', type=int, default=3000)
p.add_argument('--seed', type=int, default=0)
p.add_argument('--feature-dropout', type=float, default=0.0, help='training: drop each linear feature with this probability')
p.add_argument('--weight-decay', type=float, default=0.0)
p.add_argument('--smoke', type=int, default=0, help='a quick check: this many training and dev sentences only')
p.add_argument('--save', default='')
p.add_argument('--linear-features', type=int, default=0,
               help='also embed the linear model\'s hashed features (this many dimensions, summed over its slots); '
                    'needs <split>.features.i32 files beside the JSONL (see the docstring)')
p.add_argument('--time-limit', type=float, default=0, help='stop after this many minutes (after an epoch)')
args = p.parse_args()
random.seed(args.seed)
torch.manual_seed(args.seed)

T = 13  # O, then B I E S for PER, ORG, LOC (server/src/service/entities/ner/model.ts)


def read(name):
    with open(f'{args.data}/{name}.jsonl', encoding='utf8') as f:
        return [json.loads(line) for line in f if line.strip()]


def tags_of(rec):
    tags = [0] * len(rec['t'])
    for s, e, k in rec['g']:
        if e - s == 1:
            tags[s] = 1 + 4 * k + 3
            continue
        tags[s] = 1 + 4 * k
        for i in range(s + 1, e - 1):
            tags[i] = 1 + 4 * k + 1
        tags[e - 1] = 1 + 4 * k + 2
    return tags


train = read('train')
devs = {name: read(name) for name in ['msra-dev', 'msra-dev-tw', 'cluener-dev']}
SLOTS = 30  # featureSlots of server/src/service/entities/ner/features.ts
if args.linear_features:
    import numpy
    for name, recs in [('train', train)] + list(devs.items()):
        flat = numpy.fromfile(f'{args.data}/{name}.features.i32', dtype=numpy.int32)
        assert flat.size == SLOTS * sum(len(r['t']) for r in recs), name
        at = 0
        for r in recs:
            n = len(r['t'])
            r['f'] = (flat[at:at + n * SLOTS] + 1).reshape(n, SLOTS)  # bucket + 1; 0 = no feature (padding)
            at += n * SLOTS
if args.smoke:
    random.shuffle(train)
    train = train[:args.smoke]
    devs = {k: v[:args.smoke // 4] for k, v in devs.items()}

# Vocabularies from the training text only. Index 0 is padding, 1 unknown.
char_count = collections.Counter(c for r in train for c in r['t'])
bigram_count = collections.Counter(a + b for r in train for a, b in zip('\x02' + r['t'], r['t'] + '\x03'))
chars = {c: i + 2 for i, c in enumerate(sorted(c for c, n in char_count.items()))}
bigrams = {b: i + 2 for i, b in enumerate(sorted(b for b, n in bigram_count.items() if n >= args.bigram_min))}


def encode(rec):
    t = rec['t']
    c = [chars.get(x, 1) for x in t]
    pairs = [a + b for a, b in zip('\x02' + t, t + '\x03')]
    bg = [bigrams.get(x, 1) for x in pairs]
    return c, bg[:-1], bg[1:], rec.get('f')  # the bigram ending at i and the one starting at i; linear features


def allowed(a, b):
    """May tag b follow tag a? (BIES: B/I continue into I/E of the same type, anything else starts fresh.)"""
    open_a = a != 0 and (a - 1) % 4 in (0, 1)
    if open_a:
        return b != 0 and (b - 1) // 4 == (a - 1) // 4 and (b - 1) % 4 in (1, 2)
    return b == 0 or (b - 1) % 4 in (0, 3)


mask_trans = torch.tensor([[0.0 if allowed(a, b) else -1e4 for b in range(T)] for a in range(T)])
mask_start = torch.tensor([0.0 if b == 0 or (b - 1) % 4 in (0, 3) else -1e4 for b in range(T)])
mask_end = torch.tensor([0.0 if b == 0 or (b - 1) % 4 in (2, 3) else -1e4 for b in range(T)])


class Tagger(nn.Module):
    def __init__(self):
        super().__init__()
        self.char = nn.Embedding(len(chars) + 2, args.char_dim, padding_idx=0)
        self.bigram = nn.Embedding(len(bigrams) + 2, args.bigram_dim, padding_idx=0)
        width = args.char_dim + 2 * args.bigram_dim + args.linear_features
        if args.linear_features:
            self.features = nn.Embedding(2 ** 19 + 1, args.linear_features, padding_idx=0, sparse=True)
            nn.init.normal_(self.features.weight, std=0.02)  # 30 slots are summed: keep the sum small at the start
            with torch.no_grad():
                self.features.weight[0].zero_()
        self.drop = nn.Dropout(args.dropout)
        if args.encoder == 'lstm':
            self.lstm = nn.LSTM(width, args.hidden, num_layers=args.layers, bidirectional=True, batch_first=True,
                                dropout=args.dropout if args.layers > 1 else 0)
            out = 2 * args.hidden
        else:
            self.convs = nn.ModuleList()
            for i in range(args.layers):
                self.convs.append(nn.Conv1d(width if i == 0 else args.hidden, args.hidden, 3, padding=1))
            out = args.hidden
        self.out = nn.Linear(out, T)
        self.trans = nn.Parameter(torch.zeros(T, T))
        self.start = nn.Parameter(torch.zeros(T))
        self.end = nn.Parameter(torch.zeros(T))

    def emissions(self, c, bl, br, lengths, f=None):
        parts = [self.char(c), self.bigram(bl), self.bigram(br)]
        if f is not None:
            parts.append(self.features(f).sum(2))
        x = torch.cat(parts, dim=-1)
        x = self.drop(x)
        if args.encoder == 'lstm':
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=c.shape[1])
        else:
            h = x.transpose(1, 2)
            m = (c != 0).unsqueeze(1).float()
            for i, conv in enumerate(self.convs):
                y = torch.relu(conv(h)) * m
                h = y + h if i > 0 else y
            h = h.transpose(1, 2)
        return self.out(self.drop(h))

    def crf_parts(self):
        return self.trans + mask_trans, self.start + mask_start, self.end + mask_end

    def nll(self, em, tags, mask):
        trans, start, end = self.crf_parts()
        B, L, _ = em.shape
        # gold path score
        gold = start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
        for i in range(1, L):
            step = trans[tags[:, i - 1], tags[:, i]] + em[:, i].gather(1, tags[:, i:i + 1]).squeeze(1)
            gold = gold + step * mask[:, i]
        last = tags.gather(1, (mask.sum(1).long() - 1).unsqueeze(1)).squeeze(1)
        gold = gold + end[last]
        # partition
        alpha = start + em[:, 0]
        for i in range(1, L):
            nxt = torch.logsumexp(alpha.unsqueeze(2) + trans.unsqueeze(0), dim=1) + em[:, i]
            alpha = torch.where(mask[:, i:i + 1] > 0, nxt, alpha)
        z = torch.logsumexp(alpha + end, dim=1)
        return (z - gold).sum()

    @torch.no_grad()
    def decode(self, em, lengths):
        trans, start, end = self.crf_parts()
        B, L, _ = em.shape
        score = start + em[:, 0]
        back = []
        for i in range(1, L):
            best, arg = (score.unsqueeze(2) + trans.unsqueeze(0)).max(1)
            live = (torch.tensor(lengths) > i).unsqueeze(1)
            score = torch.where(live, best + em[:, i], score)
            back.append(arg)
        last = (score + end).argmax(1).tolist()
        back = torch.stack(back, 1).tolist() if back else []
        paths = []
        for b in range(B):
            t, path = last[b], [last[b]]
            for i in range(lengths[b] - 2, -1, -1):
                t = back[b][i][t]
                path.append(t)
            paths.append(path[::-1])
        return paths


def spans(tags):
    out, i = [], 0
    while i < len(tags):
        t = tags[i]
        if t == 0:
            i += 1
            continue
        k, part = (t - 1) // 4, (t - 1) % 4
        if part == 3:
            out.append((i, i + 1, k))
            i += 1
            continue
        j = i + 1
        while j < len(tags) and tags[j] != 0 and (tags[j] - 1) // 4 == k and (tags[j] - 1) % 4 == 1:
            j += 1
        if j < len(tags) and tags[j] == 1 + 4 * k + 2 and part == 0:
            out.append((i, j + 1, k))
            i = j + 1
        else:
            i = j
    return out


def batches(data, shuffle):
    order = sorted(range(len(data)), key=lambda i: len(data[i][0][0]))
    groups, cur, width = [], [], 0
    for i in order:
        n = len(data[i][0][0])
        if cur and max(width, n) * (len(cur) + 1) > args.batch_chars:
            groups.append(cur)
            cur, width = [], 0
        cur.append(i)
        width = max(width, n)
    if cur:
        groups.append(cur)
    if shuffle:
        random.shuffle(groups)
    for g in groups:
        L = max(len(data[i][0][0]) for i in g)
        pad = lambda xs: torch.tensor([x + [0] * (L - len(x)) for x in xs])
        c = pad([data[i][0][0] for i in g])
        bl = pad([data[i][0][1] for i in g])
        br = pad([data[i][0][2] for i in g])
        tags = pad([data[i][1] for i in g])
        lengths = torch.tensor([len(data[i][0][0]) for i in g])
        f = None
        if args.linear_features:
            f = torch.zeros(len(g), L, SLOTS, dtype=torch.long)
            for j, i in enumerate(g):
                f[j, :lengths[j]] = torch.from_numpy(data[i][0][3])
        yield g, c, bl, br, tags, lengths, f


def score(model, recs, data):
    model.eval()
    tp, pred, gold = [0] * 3, [0] * 3, [0] * 3
    for g, c, bl, br, tags, lengths, f in batches(data, False):
        em = model.emissions(c, bl, br, lengths, f)
        for b, path in zip(g, model.decode(em, lengths.tolist())):
            gs = {tuple(x) for x in recs[b]['g']}
            for s in recs[b]['g']:
                gold[s[2]] += 1
            for s in spans(path):
                pred[s[2]] += 1
                tp[s[2]] += s in gs
    model.train()

    def f1(t, p_, g_):
        pr, rc = t / (p_ or 1), t / (g_ or 1)
        return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0)
    allp, allr, allf = f1(sum(tp), sum(pred), sum(gold))
    per = [f1(tp[k], pred[k], gold[k])[2] for k in range(3)]
    return allf, f'F1 {allf:.4f} (P {allp:.3f} R {allr:.3f}; PER {per[0]:.3f} ORG {per[1]:.3f} LOC {per[2]:.3f})'


train_data = [(encode(r), tags_of(r)) for r in train]
dev_data = {k: [(encode(r), tags_of(r)) for r in v] for k, v in devs.items()}
model = Tagger()
n_params = sum(p.numel() for p in model.parameters())
n_embed = model.char.weight.numel() + model.bigram.weight.numel() + (model.features.weight.numel() if args.linear_features else 0)
width = args.char_dim + 2 * args.bigram_dim + args.linear_features
if args.encoder == 'lstm':
    macs, w = 0, width
    for _ in range(args.layers):
        macs += 2 * 4 * args.hidden * (w + args.hidden)
        w = 2 * args.hidden
    macs += w * T
else:
    macs = 3 * width * args.hidden + (args.layers - 1) * 3 * args.hidden * args.hidden + args.hidden * T
print(f'{args}\n{len(chars)} chars, {len(bigrams)} bigrams; {n_params:,} parameters '
      f'({n_embed:,} in embeddings, {n_params - n_embed:,} dense); {macs:,} multiply-adds a character forward '
      f'(encoder + output, CRF Viterbi adds {T * T})', flush=True)

dense = [p for n, p in model.named_parameters() if not n.startswith('features.')]
opts = [torch.optim.Adam(dense, lr=args.lr, weight_decay=args.weight_decay)]
if args.linear_features:
    opts.append(torch.optim.SparseAdam([model.features.weight], lr=args.lr))
t0 = time.time()
total_chars = sum(len(r['t']) for r in train)
for epoch in range(1, args.epochs + 1):
    for opt in opts:
        for group in opt.param_groups:
            group['lr'] = args.lr / (1 + 0.1 * (epoch - 1))
    e0, loss_sum, seen = time.time(), 0.0, 0
    for step, (g, c, bl, br, tags, lengths, f) in enumerate(batches(train_data, True)):
        if f is not None and args.feature_dropout:
            f = f * (torch.rand(f.shape) >= args.feature_dropout)
        em = model.emissions(c, bl, br, lengths, f)
        mask = (c != 0).float()
        loss = model.nll(em, tags, mask)
        for opt in opts:
            opt.zero_grad()
        (loss / len(g)).backward()
        nn.utils.clip_grad_norm_(dense, 5.0)
        for opt in opts:
            opt.step()
        loss_sum += float(loss)
        seen += int(lengths.sum())
        if step % 200 == 0:
            print(f'  epoch {epoch} step {step}: {seen / total_chars:.0%}, {seen / (time.time() - e0):.0f} chars/s, '
                  f'loss/char {loss_sum / seen:.4f}', flush=True)
    d0 = time.time()
    lines = [f'{k} {score(model, devs[k], dev_data[k])[1]}' for k in devs]
    print(f'epoch {epoch}: train {time.time() - e0 - (time.time() - d0):.0f} s, dev {time.time() - d0:.0f} s, '
          f'total {(time.time() - t0) / 60:.1f} min; ' + '; '.join(lines), flush=True)
    if args.save:
        torch.save({'state': model.state_dict(), 'chars': chars, 'bigrams': bigrams, 'args': vars(args)}, args.save)
    if args.time_limit and (time.time() - t0) / 60 > args.time_limit:
        print('time limit reached', flush=True)
        break
