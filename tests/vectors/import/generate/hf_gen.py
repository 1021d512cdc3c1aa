# Vectors from transformers' lr lambdas (optimization.py at 005edacb, transcribed into a scratch module that is not committed)
# under real torch LambdaLR, with the Trainer's step arithmetic for total and warm-up steps.
import json, math, os, sys, torch
from functools import partial
sys.path.insert(0, os.path.dirname(__file__))
import hf_lambdas as H

OUT = sys.argv[1]
base = json.load(open(sys.argv[2]))
cases = []

def totals(a, batches):
    if a['max_steps'] > 0:
        total = a['max_steps']
    else:
        per_epoch = max(math.ceil(batches / a['gradient_accumulation_steps']), 1)
        total = math.ceil(a['num_train_epochs'] * per_epoch)
    w = a['warmup_steps']
    if isinstance(w, float):
        warm = int(w) if w >= 1 else math.ceil(total * w)
    else:
        warm = w if w > 0 else math.ceil(total * a.get('warmup_ratio', 0.0))
    return total, warm

def lam(a, total, w):
    t, k, lr = a['lr_scheduler_type'], a['lr_scheduler_kwargs'], a['learning_rate']
    if t == 'linear': return partial(H._get_linear_schedule_with_warmup_lr_lambda, num_warmup_steps=w, num_training_steps=total)
    if t == 'cosine': return partial(H._get_cosine_schedule_with_warmup_lr_lambda, num_warmup_steps=w, num_training_steps=total, num_cycles=k.get('num_cycles', 0.5))
    if t == 'cosine_with_restarts': return partial(H._get_cosine_with_hard_restarts_schedule_with_warmup_lr_lambda, num_warmup_steps=w, num_training_steps=total, num_cycles=k.get('num_cycles', 1))
    if t == 'polynomial': return partial(H._get_polynomial_decay_schedule_with_warmup_lr_lambda, num_warmup_steps=w, num_training_steps=total, lr_end=k.get('lr_end', 1e-7), power=k.get('power', 1.0), lr_init=lr)
    if t == 'constant': return H._get_constant_lambda
    if t == 'constant_with_warmup': return partial(H._get_constant_schedule_with_warmup_lr_lambda, num_warmup_steps=w)
    if t == 'inverse_sqrt': return partial(H._get_inverse_sqrt_schedule_lr_lambda, num_warmup_steps=w, timescale=w or 10_000)
    if t == 'cosine_with_min_lr':
        rate = k['min_lr'] / lr if 'min_lr' in k else k['min_lr_rate']
        return partial(H._get_cosine_schedule_with_warmup_lr_lambda, num_warmup_steps=w, num_training_steps=total, num_cycles=k.get('num_cycles', 0.5), min_lr_rate=rate)
    if t == 'cosine_warmup_with_min_lr':
        rate = k['min_lr'] / lr if 'min_lr' in k else k['min_lr_rate']
        return partial(H._get_cosine_with_min_lr_schedule_with_warmup_lr_rate_lambda, num_warmup_steps=w, num_training_steps=total,
                       num_cycles=k.get('num_cycles', 0.5), min_lr_rate=rate, warmup_lr_rate=k.get('warmup_lr_rate'))
    if t == 'warmup_stable_decay':
        stable = k.get('num_stable_steps', total - w - k['num_decay_steps'])
        return partial(H._get_wsd_scheduler_lambda, num_warmup_steps=w, num_stable_steps=stable, num_decay_steps=k['num_decay_steps'],
                       warmup_type=k.get('warmup_type', 'linear'), decay_type=k.get('decay_type', 'cosine'), min_lr_ratio=k.get('min_lr_ratio', 0), num_cycles=k.get('num_cycles', 0.5))
    raise ValueError(t)

def case(cid, changes, batches, steps, error=None):
    a = dict(base)
    a.update(changes)
    src = f'files/{cid}.json'
    with open(os.path.join(OUT, src), 'w') as f:
        json.dump(a, f, indent=2)
    args = ['--batches-per-epoch', str(batches)] if batches else []
    if error:
        cases.append({'id': cid, 'from': 'huggingface', 'source': src, 'args': args, 'error': True, 'why': error})
        return
    total, w = totals(a, batches)
    p = torch.nn.Parameter(torch.zeros(2))
    opt = torch.optim.AdamW([p], lr=a['learning_rate'])
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lam(a, total, w))
    n = max(steps)
    lrs = [opt.param_groups[0]['lr']]
    for _ in range(n):
        opt.step(); sched.step(); lrs.append(opt.param_groups[0]['lr'])
    c = {'id': cid, 'from': 'huggingface', 'source': src, 'args': args, 'steps': steps, 'expected': [lrs[s] for s in steps], 'relTol': 1e-12}
    if a['max_steps'] > 0 or batches:
        c['totalSteps'] = total
    if w > 0:
        c['warmupSteps'] = w
    cases.append(c)

case('lrd-hf-v4-linear-ratio', {'lr_scheduler_type': 'linear', 'learning_rate': 3e-5, 'num_train_epochs': 3.0, 'max_steps': -1, 'gradient_accumulation_steps': 4,
     'warmup_steps': 0, 'warmup_ratio': 0.1}, 250, [0, 1, 18, 19, 20, 100, 187, 188, 189, 200])
case('lrd-hf-polynomial-kwargs', {'lr_scheduler_type': 'polynomial', 'learning_rate': 1e-4, 'max_steps': 500, 'warmup_steps': 40,
     'lr_scheduler_kwargs': {'lr_end': 1e-6, 'power': 2.0}}, 0, [0, 1, 39, 40, 41, 250, 499, 500, 501, 600])
case('lrd-hf-cosine-restarts', {'lr_scheduler_type': 'cosine_with_restarts', 'learning_rate': 5e-4, 'max_steps': 420, 'warmup_steps': 20,
     'lr_scheduler_kwargs': {'num_cycles': 4}}, 0, [0, 19, 20, 21, 70, 119, 120, 121, 219, 220, 419, 420, 430])
case('lrd-hf-constant-warmup', {'lr_scheduler_type': 'constant_with_warmup', 'learning_rate': 2e-5, 'max_steps': -1, 'num_train_epochs': 1.0,
     'warmup_steps': 100}, 0, [0, 1, 50, 99, 100, 101, 5000])
case('lrd-hf-inverse-sqrt', {'lr_scheduler_type': 'inverse_sqrt', 'learning_rate': 1e-3, 'max_steps': 20000, 'warmup_steps': 500}, 0,
     [0, 1, 250, 499, 500, 501, 1000, 4000, 19999, 40000])
case('lrd-hf-wsd', {'lr_scheduler_type': 'warmup_stable_decay', 'learning_rate': 3e-4, 'max_steps': 600, 'warmup_steps': 50,
     'lr_scheduler_kwargs': {'num_decay_steps': 100, 'warmup_type': 'cosine', 'decay_type': '1-sqrt', 'min_lr_ratio': 0.1}}, 0,
     [0, 1, 25, 49, 50, 51, 300, 499, 500, 501, 550, 599, 600, 700])
case('lrd-hf-cosine-min-lr', {'lr_scheduler_type': 'cosine_with_min_lr', 'learning_rate': 1e-4, 'max_steps': 300, 'warmup_steps': 0.05,
     'lr_scheduler_kwargs': {'min_lr_rate': 0.1}}, 0, [0, 1, 14, 15, 16, 100, 299, 300, 310, 585, 600])
case('lrd-hf-v5-warmup-count-float', {'lr_scheduler_type': 'linear', 'learning_rate': 5e-5, 'max_steps': 200, 'warmup_steps': 30.0}, 0,
     [0, 1, 29, 30, 31, 199, 200])
case('lrd-hf-cosine-warmup-min-lr', {'lr_scheduler_type': 'cosine_warmup_with_min_lr', 'learning_rate': 2e-4, 'max_steps': 400, 'warmup_steps': 40,
     'lr_scheduler_kwargs': {'min_lr': 2e-5}}, 0, [0, 1, 20, 38, 39, 40, 41, 200, 398, 399, 400, 401, 420, 800])
case('lrd-hf-cosine-warmup-min-lr-rate', {'lr_scheduler_type': 'cosine_warmup_with_min_lr', 'learning_rate': 1e-3, 'max_steps': 300, 'warmup_steps': 25,
     'lr_scheduler_kwargs': {'min_lr_rate': 0.05, 'warmup_lr_rate': 0.1}}, 0, [0, 1, 12, 23, 24, 25, 26, 150, 299, 300, 310])
case('lrd-hf-needs-batches-refused', {'lr_scheduler_type': 'linear', 'max_steps': -1}, 0, [], error='max_steps -1 needs --batches-per-epoch')
case('lrd-hf-cosine-cycles-refused', {'lr_scheduler_type': 'cosine', 'max_steps': 100, 'lr_scheduler_kwargs': {'num_cycles': 1.5}}, 0, [],
     error='num_cycles other than 0.5')

with open(os.path.join(OUT, 'hf-cases.json'), 'w') as f:
    json.dump(cases, f, indent=1)
print(len(cases), 'hf cases')
