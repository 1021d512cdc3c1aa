# Vectors from real PyTorch (Debian python3-torch 1.13): state_dicts saved mid-run, rates from the same run.
import json, os, sys, torch
from torch.optim import SGD
from torch.optim import lr_scheduler as L

OUT = sys.argv[1]
FILES = os.path.join(OUT, 'files')
cases = []

def run(make, n, resume, steps, cid, fmt='pt', opt_kwargs=None, mutate=None, args=None, save_optimizer=False, note=''):
    p = torch.nn.Parameter(torch.zeros(2))
    opt = SGD([p], **(opt_kwargs or {'lr': 0.1, 'momentum': 0.9}))
    sched = make(opt)
    lrs = [opt.param_groups[0]['lr']]
    state = None
    ostate = None
    for i in range(n):
        opt.step()
        sched.step()
        lrs.append(opt.param_groups[0]['lr'])
        if i + 1 == resume:
            state = sched.state_dict()
            ostate = opt.state_dict()
    if mutate:
        state = mutate(state)
    src = f'files/{cid}.{fmt}'
    path = os.path.join(OUT, src)
    if fmt == 'pt':
        torch.save(state, path)
    else:
        with open(path, 'w') as f:
            json.dump(state, f, indent=1)
    a = list(args or [])
    if save_optimizer:
        opath = f'files/{cid}.optimizer.pt'
        torch.save(ostate, os.path.join(OUT, opath))
        a += ['--optimizer', opath]
    cases.append({'id': cid, 'from': 'pytorch', 'source': src, 'args': a, 'steps': steps,
                  'expected': [lrs[s] for s in steps], 'relTol': 1e-9, 'resumeStep': resume, 'note': note})

def err(make, n, cid, why, fmt='pt', mutate=None, args=None):
    p = torch.nn.Parameter(torch.zeros(2))
    opt = SGD([p], lr=0.1)
    sched = make(opt)
    for i in range(n):
        opt.step(); sched.step()
    state = sched.state_dict()
    if mutate:
        state = mutate(state)
    src = f'files/{cid}.{fmt}'
    path = os.path.join(OUT, src)
    if fmt == 'pt':
        torch.save(state, path)
    else:
        with open(path, 'w') as f:
            json.dump(state, f, indent=1)
    cases.append({'id': cid, 'from': 'pytorch', 'source': src, 'args': list(args or []), 'error': True, 'why': why})

run(lambda o: L.MultiStepLR(o, milestones=[30, 80, 120], gamma=0.2), 200, 85, [0, 29, 30, 79, 80, 84, 85, 86, 119, 120, 199], 'lrd-torch-multistep-pt')
run(lambda o: L.MultiStepLR(o, milestones=[10, 10, 25], gamma=0.5), 40, 12, [0, 9, 10, 11, 12, 24, 25, 39], 'lrd-torch-multistep-repeated-pt')
run(lambda o: L.ExponentialLR(o, gamma=0.97), 300, 150, [0, 1, 2, 149, 150, 151, 299], 'lrd-torch-exponential-pt')
run(lambda o: L.CosineAnnealingLR(o, T_max=100, eta_min=0.001), 100, 40, [0, 1, 39, 40, 41, 50, 99, 100], 'lrd-torch-cosine-pt')
run(lambda o: L.CosineAnnealingWarmRestarts(o, T_0=10, T_mult=2, eta_min=0.0005), 160, 33, [0, 1, 9, 10, 11, 29, 30, 33, 69, 70, 150, 160], 'lrd-torch-warm-restarts-pt')
run(lambda o: L.ConstantLR(o, factor=0.25, total_iters=8), 30, 5, [0, 4, 5, 7, 8, 9, 29], 'lrd-torch-constant-pt')
run(lambda o: L.PolynomialLR(o, total_iters=60, power=2.0), 90, 30, [0, 1, 29, 30, 31, 59, 60, 89], 'lrd-torch-polynomial-pt')
run(lambda o: L.SequentialLR(o, [L.LinearLR(o, start_factor=0.01, total_iters=20), L.CosineAnnealingLR(o, T_max=80, eta_min=1e-4)], milestones=[20]),
    100, 50, [0, 1, 19, 20, 21, 50, 51, 99, 100], 'lrd-torch-sequential-pt')
run(lambda o: L.ChainedScheduler([L.ConstantLR(o, factor=0.5, total_iters=6), L.ExponentialLR(o, gamma=0.9)]),
    40, 10, [0, 1, 5, 6, 7, 10, 11, 39], 'lrd-torch-chained-pt')

def cyclic_json(state):
    state = dict(state)
    state.pop('_scale_fn_ref', None)
    state['_scale_fn_custom'] = None
    return state

for mode, cid in [('triangular2', 'lrd-torch-cyclic-triangular2-json'), ('exp_range', 'lrd-torch-cyclic-exprange-json')]:
    run(lambda o, m=mode: L.CyclicLR(o, base_lr=0.001, max_lr=0.01, step_size_up=15, step_size_down=25, mode=m, gamma=0.995, cycle_momentum=False),
        200, 57, [0, 1, 14, 15, 16, 39, 40, 56, 57, 58, 120, 199], cid, fmt='json', mutate=cyclic_json,
        note='torch 1.13 cannot torch.save a CyclicLR state (weak method): written as JSON in the torch 2 layout')

err(lambda o: L.LambdaLR(o, lambda e: 0.95 ** e), 5, 'lrd-torch-lambda-refused', 'LambdaLR function not saved')
err(lambda o: L.ReduceLROnPlateau(o, patience=2), 0, 'lrd-torch-plateau-no-lr-refused', 'torch 1.13 ReduceLROnPlateau state holds no lr: needs --optimizer')
err(lambda o: L.StepLR(o, 10), 3, 'lrd-torch-step-unknown-keys-refused', 'keys match no scheduler', fmt='json',
    mutate=lambda s: {'base_lrs': s['base_lrs'], 'last_epoch': s['last_epoch'], 'warmup_factor': 3})

with open(os.path.join(OUT, 'torch-cases.json'), 'w') as f:
    json.dump(cases, f, indent=1)
print(len(cases), 'torch cases')

# ReduceLROnPlateau saved by torch 1.13 after five improving epochs (no reduction yet), with its optimizer: the config's
# rate at every step is the one in effect (this state keeps no rate of its own).
def plateau_case():
    p = torch.nn.Parameter(torch.zeros(2))
    opt = SGD([p], lr=0.05, momentum=0.9)
    sched = L.ReduceLROnPlateau(opt, mode='min', factor=0.5, patience=3, threshold=0.01, cooldown=1, min_lr=1e-4)
    for m in [1.0, 0.9, 0.8, 0.7, 0.6]:
        opt.step(); sched.step(m)
    cid = 'lrd-torch-plateau-pt'
    torch.save(sched.state_dict(), os.path.join(OUT, f'files/{cid}.pt'))
    torch.save(opt.state_dict(), os.path.join(OUT, f'files/{cid}.optimizer.pt'))
    cases.append({'id': cid, 'from': 'pytorch', 'source': f'files/{cid}.pt', 'args': ['--optimizer', f'files/{cid}.optimizer.pt'],
                  'steps': [0, 5, 100], 'expected': [opt.param_groups[0]['lr']] * 3, 'relTol': 1e-9})

plateau_case()

# OneCycleLR: torch 1.13 saves anneal_func as a bound method (refused); the same run in the torch 2 layout (JSON, cos) imports.
err(lambda o: L.OneCycleLR(o, max_lr=0.5, total_steps=100), 10, 'lrd-torch-onecycle-113-refused', 'torch 1.13 OneCycleLR anneal_func')

def onecycle_json(state):
    state = dict(state)
    state.pop('anneal_func')
    state['_anneal_func_type'] = 'cos'
    return state

def onecycle_case():
    cid = 'lrd-torch-onecycle-cos-json'
    p = torch.nn.Parameter(torch.zeros(2))
    opt = SGD([p], lr=0.1, momentum=0.9)
    sched = L.OneCycleLR(opt, max_lr=0.3, total_steps=250, pct_start=0.25, div_factor=10.0, final_div_factor=100.0)
    lrs = [opt.param_groups[0]['lr']]
    for i in range(249):
        opt.step(); sched.step(); lrs.append(opt.param_groups[0]['lr'])
        if i + 1 == 120:
            state = onecycle_json(sched.state_dict())
            ostate = opt.state_dict()
    with open(os.path.join(OUT, f'files/{cid}.json'), 'w') as f:
        json.dump(state, f, indent=1)
    ostate = {'state': {}, 'param_groups': [{k: v for k, v in g.items()} for g in ostate['param_groups']]}
    with open(os.path.join(OUT, f'files/{cid}.optimizer.json'), 'w') as f:
        json.dump(ostate, f, indent=1)
    steps = [0, 1, 61, 62, 63, 120, 121, 200, 248, 249]
    cases.append({'id': cid, 'from': 'pytorch', 'source': f'files/{cid}.json', 'args': ['--optimizer', f'files/{cid}.optimizer.json'],
                  'steps': steps, 'expected': [lrs[s] for s in steps], 'relTol': 1e-9, 'resumeStep': 120,
                  'note': 'run in torch 1.13, state written in the torch 2 layout (_anneal_func_type) as JSON'})

onecycle_case()
with open(os.path.join(OUT, 'torch-cases.json'), 'w') as f:
    json.dump(cases, f, indent=1)
print(len(cases), 'torch cases')
