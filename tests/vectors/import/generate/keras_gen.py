# Vectors from keras-team/keras@3422977a learning_rate_schedule.py, run unchanged over a scratch numpy stand-in for keras.src.ops
# (floatx float32, or float64 with KERAS_FLOATX=float64). Files are written in the shapes Keras 3 and tf.keras 2 serialize.
import json, os, sys, zipfile
sys.path.insert(0, os.path.join(os.path.dirname(__file__), 'kpkg'))
from keras.src.optimizers.schedules import learning_rate_schedule as S

OUT = sys.argv[1]
FLOAT64 = os.environ.get('KERAS_FLOATX') == 'float64'
cases = []

def ser(cls, cfg, legacy=False):
    return {'class_name': cls, 'config': cfg} if legacy else {'module': 'keras.optimizers.schedules', 'class_name': cls, 'config': cfg, 'registered_name': None}

def rates(cls, cfg, steps):
    sched = getattr(S, cls).from_config(dict((k, v) for k, v in cfg.items()))
    return [float(sched(t)[0]) for t in steps]

def write(cid, doc, ext='json'):
    src = f'files/{cid}.{ext}'
    if ext == 'keras':
        with zipfile.ZipFile(os.path.join(OUT, src), 'w') as z:
            z.writestr('metadata.json', json.dumps({'keras_version': '3.6.0', 'date_saved': '2026-12-07@18:00:00'}))
            z.writestr('config.json', json.dumps(doc))
    else:
        with open(os.path.join(OUT, src), 'w') as f:
            json.dump(doc, f, indent=2)
    return src

def case(cid, cls, cfg, steps, wrap=lambda s: s, ext='json', legacy=False, args=(), error=None):
    src = write(cid, wrap(ser(cls, cfg, legacy)), ext)
    if error:
        cases.append({'id': cid, 'from': 'keras', 'source': src, 'args': list(args), 'error': True, 'why': error})
        return
    cases.append({'id': cid, 'from': 'keras', 'source': src, 'args': list(args), 'steps': steps, 'expected': rates(cls, cfg, steps),
                  'relTol': 1e-12 if FLOAT64 else 1.2e-7})

def optimizer(s, cls='Adam'):
    return {'module': 'keras.optimizers', 'class_name': cls, 'config': {'name': cls.lower(), 'learning_rate': s, 'weight_decay': None, 'clipnorm': None,
            'global_clipnorm': None, 'clipvalue': None, 'use_ema': False, 'ema_momentum': 0.99, 'ema_overwrite_frequency': None,
            'loss_scale_factor': None, 'gradient_accumulation_steps': None, 'beta_1': 0.9, 'beta_2': 0.999, 'epsilon': 1e-07, 'amsgrad': False},
            'registered_name': None}

def model(s):
    return {'module': 'keras', 'class_name': 'Sequential', 'config': {'name': 'sequential', 'trainable': True, 'dtype': 'float32', 'layers': []},
            'registered_name': None, 'build_config': {'input_shape': [None, 4]},
            'compile_config': {'optimizer': optimizer(s), 'loss': 'mean_squared_error', 'loss_weights': None, 'metrics': None,
                               'weighted_metrics': None, 'run_eagerly': False, 'steps_per_execution': 1, 'jit_compile': False}}

if FLOAT64:
    case('lrd-keras-exponential-float64', 'ExponentialDecay', {'initial_learning_rate': 0.1, 'decay_steps': 1000, 'decay_rate': 0.96, 'staircase': True, 'name': 'ExponentialDecay'},
         [0, 999, 1000, 28125, 100000], args=['--precision', 'float64'])
else:
    case('lrd-keras-polynomial-cycle', 'PolynomialDecay', {'initial_learning_rate': 0.02, 'decay_steps': 300, 'end_learning_rate': 0.0001, 'power': 0.5, 'cycle': True, 'name': 'PolynomialDecay'},
         [0, 1, 150, 299, 300, 301, 450, 600, 601, 5000])
    case('lrd-keras-piecewise-model', 'PiecewiseConstantDecay', {'boundaries': [0, 100, 250], 'values': [0.1, 0.05, 0.01, 0.001], 'name': 'PiecewiseConstant'},
         [0, 1, 100, 101, 250, 251, 10000], wrap=model, ext='keras')
    case('lrd-keras-cosine-warmup', 'CosineDecay', {'initial_learning_rate': 0.0, 'decay_steps': 1000, 'alpha': 0.1, 'name': 'CosineDecay', 'warmup_target': 0.01, 'warmup_steps': 200},
         [0, 1, 77, 199, 200, 201, 700, 1199, 1200, 5000], wrap=lambda s: optimizer(s, 'AdamW'))
    case('lrd-keras-inverse-time-legacy', 'InverseTimeDecay', {'initial_learning_rate': 0.5, 'decay_steps': 40, 'decay_rate': 0.7, 'staircase': True, 'name': None},
         [0, 39, 40, 41, 400, 99999], legacy=True)
    case('lrd-keras-restarts-equal-periods', 'CosineDecayRestarts', {'initial_learning_rate': 0.003, 'first_decay_steps': 150, 't_mul': 1.0, 'm_mul': 0.9, 'alpha': 0.05, 'name': 'SGDRDecay'},
         [0, 1, 75, 149, 150, 151, 449, 450, 3000])
    src = write('lrd-keras-optimizer-number', optimizer(0.001, 'RMSprop'))
    cases.append({'id': 'lrd-keras-optimizer-number', 'from': 'keras', 'source': src, 'args': [], 'steps': [0, 100000], 'expected': [float(S.ops.convert_to_tensor(0.001)[0])] * 2, 'relTol': 1.2e-7})
    custom = ser('WarmupSchedule', {'peak': 0.01, 'warmup': 100})
    custom['registered_name'] = 'Custom>WarmupSchedule'
    custom['module'] = None
    src = write('lrd-keras-custom-refused', custom)
    cases.append({'id': 'lrd-keras-custom-refused', 'from': 'keras', 'source': src, 'args': [], 'error': True, 'why': 'custom registered class'})
    case('lrd-keras-noisy-linear-cosine-refused', 'NoisyLinearCosineDecay', {'initial_learning_rate': 0.1, 'decay_steps': 1000}, [], legacy=True, error='tf.keras NoisyLinearCosineDecay')

with open(os.path.join(OUT, f'keras{"64" if FLOAT64 else ""}-cases.json'), 'w') as f:
    json.dump(cases, f, indent=1)
print(len(cases), 'keras cases')
