# Vectors from timm's own scheduler code (huggingface/pytorch-image-models@aa4b5850, timm/scheduler copied unchanged into a
# scratch package) under real PyTorch; the learning rate derived as train.py derives it; args.yaml written as train.py writes it.
import argparse, json, math, os, sys, yaml, torch
sys.path.insert(0, os.path.join(os.path.dirname(__file__), 'timmpkg'))
from timm.scheduler.scheduler_factory import create_scheduler_v2, scheduler_kwargs

OUT = sys.argv[1]
TEMPLATE = sys.argv[2]
base = yaml.safe_load(open(TEMPLATE))
cases = []

def train_lr(a, world):
    if not a['lr']:
        global_batch = a['batch_size'] * world * a['grad_accum_steps']
        ratio = global_batch / a['lr_base_size']
        scale = a['lr_base_scale'] or ('sqrt' if any(o in a['opt'].lower() for o in ('ada', 'lamb')) else 'linear')
        if scale == 'sqrt':
            ratio = ratio ** 0.5
        return a['lr_base'] * ratio
    return a['lr']

def case(cid, changes, batches, steps, world=1, error=None):
    a = dict(base)
    a.update(changes)
    src = f'files/{cid}.args.yaml'
    with open(os.path.join(OUT, src), 'w') as f:
        yaml.safe_dump(a, f)
    args = ['--batches-per-epoch', str(batches)] + (['--world-size', str(world)] if world != 1 else [])
    if error:
        cases.append({'id': cid, 'from': 'timm', 'source': src, 'args': args, 'error': True, 'why': error})
        return
    lr = train_lr(a, world)
    p = torch.nn.Parameter(torch.zeros(2))
    opt = torch.optim.SGD([p], lr=lr, momentum=0.9)
    upe = (batches + a['grad_accum_steps'] - 1) // a['grad_accum_steps']
    sched, num_epochs = create_scheduler_v2(opt, **scheduler_kwargs(argparse.Namespace(**a)), updates_per_epoch=upe)
    on_updates = a['sched_on_updates']
    exp = [sched._get_lr(t if on_updates else t // upe)[0] for t in steps]
    cases.append({'id': cid, 'from': 'timm', 'source': src, 'args': args, 'steps': steps, 'expected': exp, 'relTol': 1e-12,
                  'totalSteps': num_epochs * upe})

# tanh per epoch, warm-up without prefix (ramps to the tanh's own rate at warmup_t), cooldown epochs, lr from lr_base (sqrt: adamw).
case('lrd-timm-tanh-epochs', {'sched': 'tanh', 'epochs': 30, 'warmup_epochs': 3, 'warmup_lr': 1e-6, 'cooldown_epochs': 2, 'min_lr': 1e-5,
     'lr': None, 'opt': 'adamw', 'lr_base': 5e-4, 'lr_base_size': 512, 'batch_size': 64, 'grad_accum_steps': 1, 'sched_on_updates': False},
     50, [0, 49, 50, 99, 100, 149, 150, 151, 600, 1000, 1449, 1450, 1499, 1500, 1599], world=2)
# tanh per update with warmup_prefix.
case('lrd-timm-tanh-prefix-updates', {'sched': 'tanh', 'epochs': 6, 'warmup_epochs': 1, 'warmup_lr': 0.0, 'warmup_prefix': True,
     'min_lr': 0.0, 'lr': 0.05, 'grad_accum_steps': 4, 'sched_on_updates': True},
     37, [0, 1, 5, 9, 10, 11, 30, 59, 60, 69, 70, 100], world=1)
# cosine with cycles (cycle_mul 2, cycle_decay 0.5, limit 3) and k-decay per update.
case('lrd-timm-cosine-cycles-updates', {'sched': 'cosine', 'epochs': 4, 'warmup_epochs': 0, 'min_lr': 1e-4, 'lr': 0.1,
     'lr_cycle_mul': 2.0, 'lr_cycle_decay': 0.5, 'lr_cycle_limit': 3, 'lr_k_decay': 1.5, 'grad_accum_steps': 1, 'sched_on_updates': True},
     25, [0, 1, 50, 99, 100, 101, 200, 299, 300, 301, 500, 699, 700, 800], world=1)
# step per epoch with warmup_prefix.
case('lrd-timm-step-prefix-epochs', {'sched': 'step', 'epochs': 40, 'warmup_epochs': 2, 'warmup_lr': 1e-4, 'warmup_prefix': True,
     'decay_epochs': 7, 'decay_rate': 0.5, 'lr': 0.2, 'grad_accum_steps': 1, 'sched_on_updates': False},
     11, [0, 10, 11, 21, 22, 32, 98, 99, 100, 440], world=1)
# multistep per update: timm counts milestones m <= t + 1.
case('lrd-timm-multistep-updates', {'sched': 'multistep', 'epochs': 12, 'warmup_epochs': 1, 'warmup_lr': 1e-5, 'decay_milestones': [3, 6, 9],
     'decay_rate': 0.3, 'lr': 0.08, 'grad_accum_steps': 3, 'sched_on_updates': True},
     30, [0, 5, 9, 10, 28, 29, 30, 31, 58, 59, 60, 88, 89, 90, 119], world=1)
# cosine per epoch, plain lr, cooldown.
case('lrd-timm-cosine-cooldown-epochs', {'sched': 'cosine', 'epochs': 10, 'warmup_epochs': 1, 'warmup_lr': 1e-5, 'cooldown_epochs': 3,
     'min_lr': 1e-6, 'lr': 0.01, 'lr_cycle_limit': 1, 'grad_accum_steps': 1, 'sched_on_updates': False},
     20, [0, 19, 20, 39, 40, 100, 199, 200, 259], world=1)
case('lrd-timm-noise-refused', {'sched': 'cosine', 'lr_noise': [0.4, 0.9], 'lr': 0.01}, 20, [], error='lr_noise is refused')
case('lrd-timm-unknown-sched-refused', {'sched': 'cosine_wsd_unknown', 'lr': 0.01}, 20, [], error='unknown sched')

# plateau with a warm-up (pending: LrDecay's plateau would count the warm-up's metrics towards patience, timm does not).
def plateau_warmup():
    cid = 'lrd-timm-plateau-warmup-epochs'
    a = dict(base)
    a.update({'sched': 'plateau', 'epochs': 10, 'warmup_epochs': 3, 'warmup_lr': 1e-4, 'lr': 0.1, 'decay_rate': 0.5, 'patience_epochs': 2,
              'eval_metric': 'loss', 'min_lr': 1e-5, 'grad_accum_steps': 1, 'sched_on_updates': False})
    src = f'files/{cid}.args.yaml'
    with open(os.path.join(OUT, src), 'w') as f:
        yaml.safe_dump(a, f)
    p = torch.nn.Parameter(torch.zeros(2))
    opt = torch.optim.SGD([p], lr=a['lr'], momentum=0.9)
    sched, _ = create_scheduler_v2(opt, **scheduler_kwargs(argparse.Namespace(**a)), updates_per_epoch=10)
    per_epoch = [opt.param_groups[0]['lr']]
    for e in range(1, 8):
        sched.step(e)
        per_epoch.append(opt.param_groups[0]['lr'])
    steps = [0, 9, 10, 20, 30, 31, 79]
    cases.append({'id': cid, 'from': 'timm', 'source': src, 'args': ['--batches-per-epoch', '10'], 'steps': steps,
                  'expected': [per_epoch[t // 10] for t in steps], 'relTol': 1e-12})

plateau_warmup()
with open(os.path.join(OUT, 'timm-cases.json'), 'w') as f:
    json.dump(cases, f, indent=1)
print(len(cases), 'timm cases')
